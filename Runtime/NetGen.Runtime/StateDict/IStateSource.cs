using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>Where a load takes tensors from: an open checkpoint file or an in-memory state dict.</summary>
    internal interface IStateSource
    {
        string Source { get; }

        IReadOnlyList<CheckpointEntry> Entries { get; }

        CheckpointEntry? Find(string key);

        /// <summary>The key the state dict was nested under in the file (see <see cref="CheckpointReader.NestedUnder"/>), or null.</summary>
        string? NestedUnder { get; }

        /// <summary>What the source holds besides the state dict's tensors; never read.</summary>
        IReadOnlyList<string> IgnoredItems { get; }

        /// <summary>
        /// Copies entries into tensors of the same shapes, casting like <c>copy_</c>. Everything the copies need
        /// is checked before the first tensor is written, so a source that fails leaves every destination as it was.
        /// </summary>
        void CopyInto(IReadOnlyList<(string Key, Tensor Destination)> copies);
    }

    /// <summary>Adapts a checkpoint reader.</summary>
    internal sealed class CheckpointStateSource(CheckpointReader reader) : IStateSource
    {
        public string Source => reader.Source;

        public IReadOnlyList<CheckpointEntry> Entries => reader.Entries;

        public CheckpointEntry? Find(string key) => reader.Find(key);

        public string? NestedUnder => reader.NestedUnder;

        public IReadOnlyList<string> IgnoredItems => reader.IgnoredItems;

        public void CopyInto(IReadOnlyList<(string Key, Tensor Destination)> copies) => reader.CopyInto(copies);
    }

    /// <summary>Adapts tensors held in memory, e.g. another model's state.</summary>
    internal sealed class TensorStateSource : IStateSource
    {
        private readonly Dictionary<string, (CheckpointEntry Entry, Tensor Tensor)> _byKey = new(StringComparer.Ordinal);

        public TensorStateSource(string source, IEnumerable<KeyValuePair<string, Tensor>> tensors)
        {
            Source = source;
            var entries = new List<CheckpointEntry>();
            foreach (var (key, tensor) in tensors)
            {
                var entry = new CheckpointEntry(key, tensor.dtype, tensor.shape);
                _byKey.Add(key, (entry, tensor));
                entries.Add(entry);
            }

            Entries = entries;
        }

        public string Source { get; }

        public IReadOnlyList<CheckpointEntry> Entries { get; }

        public CheckpointEntry? Find(string key) => _byKey.TryGetValue(key, out var item) ? item.Entry : null;

        public string? NestedUnder => null;

        public IReadOnlyList<string> IgnoredItems => [];

        public void CopyInto(IReadOnlyList<(string Key, Tensor Destination)> copies)
        {
            foreach (var (key, destination) in copies)
            {
                if (!TensorShapes.Equal(_byKey[key].Tensor.shape, destination.shape))
                {
                    throw new ArgumentException($"'{key}' shapes differ; NetGen never broadcasts.", nameof(copies));
                }
            }

            using var noGrad = no_grad();
            foreach (var (key, destination) in copies)
            {
                destination.copy_(_byKey[key].Tensor);
            }
        }

        public static TensorStateSource FromModule(nn.Module module) =>
            new(module.GetType().Name, ModuleState.Describe(module).Select(item => new KeyValuePair<string, Tensor>(item.Entry.Key, item.Tensor)));
    }
}
