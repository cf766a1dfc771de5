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

        /// <summary>Copies an entry into a tensor of the same shape, casting like <c>copy_</c>.</summary>
        void ReadInto(string key, Tensor destination);
    }

    /// <summary>Adapts a checkpoint reader.</summary>
    internal sealed class CheckpointStateSource(CheckpointReader reader) : IStateSource
    {
        public string Source => reader.Source;

        public IReadOnlyList<CheckpointEntry> Entries => reader.Entries;

        public CheckpointEntry? Find(string key) => reader.Find(key);

        public void ReadInto(string key, Tensor destination) => reader.ReadInto(key, destination);
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

        public void ReadInto(string key, Tensor destination)
        {
            var source = _byKey[key].Tensor;
            if (!TensorShapes.Equal(source.shape, destination.shape))
            {
                throw new ArgumentException($"'{key}' shapes differ; NetGen never broadcasts.", nameof(destination));
            }

            using var noGrad = no_grad();
            destination.copy_(source);
        }

        public static TensorStateSource FromModule(nn.Module module) =>
            new(module.GetType().Name, ModuleState.Describe(module).Select(item => new KeyValuePair<string, Tensor>(item.Entry.Key, item.Tensor)));
    }
}
