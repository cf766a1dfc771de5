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
        /// <summary>Lists at most this many keys per kind of problem, so a file of a million unexpected keys gives a readable message.</summary>
        private const int MaxLinesPerProblem = 50;

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

        /// <summary>
        /// The key of the dict the file's state dict was nested under, e.g. <c>model_state_dict</c> for a training
        /// checkpoint <c>{'model_state_dict': sd, 'epoch': 3}</c>; null when the file's top level was the state dict.
        /// </summary>
        public string? NestedUnder { get; init; }

        /// <summary>What the file holds besides state-dict tensors (e.g. <c>epoch</c>, <c>optimizer_state_dict</c>); never read.</summary>
        public IReadOnlyList<string> IgnoredItems { get; init; } = [];

        /// <summary>True when every model entry was loaded and the checkpoint had nothing else.</summary>
        public bool IsComplete => Missing.Count == 0 && Unexpected.Count == 0 && ShapeMismatched.Count == 0;

        /// <summary>A readable summary listing the keys that were not loaded, with shapes (the first 50 of each kind; the lists hold all).</summary>
        public override string ToString()
        {
            var text = new StringBuilder($"Loaded {Loaded.Count} entries from '{Source}'");
            if (Skipped.Count > 0)
            {
                text.Append($", skipped {Skipped.Count} by filter");
            }

            text.Append('.');
            AppendNotes(text);
            AppendProblems(text);
            return text.ToString();
        }

        internal void AppendNotes(StringBuilder text)
        {
            if (NestedUnder is not null)
            {
                text.Append($"\nNote: the state dict was read from '{NestedUnder}' inside the checkpoint.");
            }

            if (IgnoredItems.Count > 0)
            {
                text.Append("\nNote: the checkpoint also holds ").Append(Join(IgnoredItems)).Append(", which are not state-dict tensors and were not read.");
            }
        }

        internal void AppendProblems(StringBuilder text)
        {
            Append(text, "Missing from the checkpoint", Missing, e => $"{e.Key} {TensorShapes.Format(e.Shape)}");
            Append(text, "Not in the model", Unexpected, e => $"{e.Key} {TensorShapes.Format(e.Shape)}");
            Append(text, "Shape mismatch", ShapeMismatched, m => m.ToString());
            Append(text, "Cast", Converted, c => c.ToString());
        }

        private static void Append<T>(StringBuilder text, string title, IReadOnlyList<T> items, Func<T, string> format)
        {
            if (items.Count == 0)
            {
                return;
            }

            text.Append('\n').Append(title).Append(" (").Append(items.Count).Append("):");
            for (int i = 0; i < Math.Min(items.Count, MaxLinesPerProblem); i++)
            {
                text.Append("\n  ").Append(format(items[i]));
            }

            if (items.Count > MaxLinesPerProblem)
            {
                text.Append("\n  ... and ").Append(items.Count - MaxLinesPerProblem).Append(" more (see the report's lists)");
            }
        }

        private static string Join(IReadOnlyList<string> keys) =>
            string.Join(", ", keys.Take(MaxLinesPerProblem).Select(key => $"'{key}'"))
            + (keys.Count > MaxLinesPerProblem ? $" and {keys.Count - MaxLinesPerProblem} more" : "");
    }
}
