using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>A key present in both model and checkpoint whose shapes differ; it was not copied.</summary>
    public sealed record ShapeMismatch(string Key, long[] Expected, long[] Actual)
    {
        /// <inheritdoc />
        public bool Equals(ShapeMismatch? other) =>
            other is not null && Key == other.Key
            && Expected.AsSpan().SequenceEqual(other.Expected) && Actual.AsSpan().SequenceEqual(other.Actual);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Key, TensorShapes.GetHashCode(Expected), TensorShapes.GetHashCode(Actual));

        /// <summary><c>fc3.weight: model [10, 128], checkpoint [101, 128]</c>.</summary>
        public override string ToString() =>
            $"{Key}: model {TensorShapes.Format(Expected)}, checkpoint {TensorShapes.Format(Actual)}";
    }

    /// <summary>An entry copied with a cast, as PyTorch's <c>copy_</c> does, e.g. float64 in the file into a float32 parameter.</summary>
    public sealed record DTypeConversion(string Key, ScalarType From, ScalarType To)
    {
        /// <summary><c>key: Float64 → Float32</c>.</summary>
        public override string ToString() => $"{Key}: {From} → {To}";
    }

    /// <summary>What a load did, entry by entry.</summary>
    public sealed class LoadReport
    {
        internal LoadReport(
            string source,
            IReadOnlyList<string> loaded,
            IReadOnlyList<StateEntry> missing,
            IReadOnlyList<CheckpointEntry> unexpected,
            IReadOnlyList<ShapeMismatch> shapeMismatched,
            IReadOnlyList<DTypeConversion> converted,
            IReadOnlyList<string> skipped)
        {
            Source = source;
            Loaded = loaded;
            Missing = missing;
            Unexpected = unexpected;
            ShapeMismatched = shapeMismatched;
            Converted = converted;
            Skipped = skipped;
        }

        /// <summary>The file or model the state came from.</summary>
        public string Source { get; }

        /// <summary>Keys copied into the model, in model order.</summary>
        public IReadOnlyList<string> Loaded { get; }

        /// <summary>Model entries the checkpoint does not have; they keep their values.</summary>
        public IReadOnlyList<StateEntry> Missing { get; }

        /// <summary>Checkpoint entries the model does not have.</summary>
        public IReadOnlyList<CheckpointEntry> Unexpected { get; }

        /// <summary>Keys in both whose shapes differ; they were not copied and nothing was broadcast.</summary>
        public IReadOnlyList<ShapeMismatch> ShapeMismatched { get; }

        /// <summary>Loaded entries whose dtype was cast.</summary>
        public IReadOnlyList<DTypeConversion> Converted { get; }

        /// <summary>Keys (of model or checkpoint) left out by <see cref="LoadOptions.Filter"/>.</summary>
        public IReadOnlyList<string> Skipped { get; }

        /// <summary>True when every model entry was loaded and the checkpoint had nothing else.</summary>
        public bool IsComplete => Missing.Count == 0 && Unexpected.Count == 0 && ShapeMismatched.Count == 0;

        /// <summary>A readable summary listing every key that was not loaded, with shapes.</summary>
        public override string ToString()
        {
            var text = new StringBuilder($"Loaded {Loaded.Count} entries from '{Source}'");
            if (Skipped.Count > 0)
            {
                text.Append($", skipped {Skipped.Count} by filter");
            }

            text.Append('.');
            AppendProblems(text);
            return text.ToString();
        }

        internal void AppendProblems(StringBuilder text)
        {
            Append(text, "Missing from the checkpoint", Missing.Select(e => $"{e.Key} {TensorShapes.Format(e.Shape)}"));
            Append(text, "Not in the model", Unexpected.Select(e => $"{e.Key} {TensorShapes.Format(e.Shape)}"));
            Append(text, "Shape mismatch", ShapeMismatched.Select(m => m.ToString()));
            Append(text, "Cast", Converted.Select(c => c.ToString()));
        }

        private static void Append(StringBuilder text, string title, IEnumerable<string> lines)
        {
            var list = lines.ToList();
            if (list.Count == 0)
            {
                return;
            }

            text.Append('\n').Append(title).Append(" (").Append(list.Count).Append("):");
            foreach (string line in list)
            {
                text.Append("\n  ").Append(line);
            }
        }
    }
}
