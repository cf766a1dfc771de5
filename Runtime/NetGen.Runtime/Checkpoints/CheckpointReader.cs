using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// An open checkpoint: its entries are parsed and validated when it is opened; tensor data is read on
    /// demand, straight into the destination tensor's memory where it can be. Open one with
    /// <see cref="Checkpoint.Open(string, CheckpointFormat?)"/>. Every problem with the file surfaces as
    /// <see cref="CheckpointFormatException"/>. A reader is not thread-safe.
    /// <para>
    /// Work and memory are bounded by the file and by what is read into: an entry that the file stores as a view
    /// of a larger or shared storage is read as a view of that storage (each storage is read once per call, never
    /// once per view), and a compressed storage is inflated only when its inflated size is justified by the file
    /// or by the largest tensor it fills. A copy into existing tensors checks every record it will read before it
    /// writes any of them.
    /// </para>
    /// </summary>
    public abstract class CheckpointReader : IDisposable
    {
        private readonly Dictionary<string, int> _indexByKey = new(StringComparer.Ordinal);
        private readonly List<CheckpointEntry> _entries = new();

        private protected CheckpointReader(string source, CheckpointFormat format)
        {
            Source = source;
            Format = format;
        }

        /// <summary>The file path, or the name given for a stream.</summary>
        public string Source { get; }

        /// <summary>The format being read.</summary>
        public CheckpointFormat Format { get; }

        /// <summary>The tensors in the file, in file order.</summary>
        public IReadOnlyList<CheckpointEntry> Entries => _entries;

        /// <summary>
        /// The key of the dict the state dict was nested under, e.g. <c>model_state_dict</c> for a training checkpoint
        /// <c>{'model_state_dict': sd, 'epoch': 3}</c>; null when the file's top level is the state dict.
        /// </summary>
        public string? NestedUnder { get; private protected set; }

        /// <summary>What else the file holds that is not a state-dict tensor, e.g. <c>epoch</c>; it is never read.</summary>
        public IReadOnlyList<string> IgnoredItems { get; private protected set; } = [];

        /// <summary>The entry stored under <paramref name="key"/>, or null.</summary>
        public CheckpointEntry? Find(string key) => _indexByKey.TryGetValue(key, out int index) ? _entries[index] : null;

        /// <summary>
        /// Reads one entry into a new CPU tensor with the file's dtype and shape. An entry stored as a strided view
        /// (e.g. an expanded tensor) comes back as a view of the part of its storage it addresses, as torch.load returns it.
        /// </summary>
        public Tensor ReadTensor(string key) => ReadEntries([IndexOf(key)])[0];

        /// <summary>
        /// Reads every entry into new CPU tensors, in file order. Entries that share a storage in the file share
        /// memory, as torch.load returns them; call <c>contiguous()</c> or <c>clone()</c> for independent copies.
        /// </summary>
        public Dictionary<string, Tensor> ReadAll()
        {
            var indices = new int[_entries.Count];
            for (int i = 0; i < indices.Length; i++)
            {
                indices[i] = i;
            }

            var tensors = ReadEntries(indices);
            var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            for (int i = 0; i < tensors.Length; i++)
            {
                result.Add(_entries[i].Key, tensors[i]);
            }

            return result;
        }

        /// <summary>
        /// Copies one entry into an existing tensor in place (its identity, device and dtype are kept; the data
        /// is cast like PyTorch's <c>copy_</c>). The shapes must be equal: nothing is ever broadcast.
        /// </summary>
        /// <exception cref="ArgumentException">The shapes differ.</exception>
        public void ReadInto(string key, Tensor destination) => CopyInto([(key, destination)]);

        /// <summary>Closes the file.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// Copies several entries into existing tensors of the same shapes: first every record the copies need is
        /// checked (and a compressed one inflated), then the tensors are written. A file that fails the check
        /// leaves every destination as it was.
        /// </summary>
        internal void CopyInto(IReadOnlyList<(string Key, Tensor Destination)> copies)
        {
            var resolved = new List<EntryCopy>(copies.Count);
            foreach (var (key, destination) in copies)
            {
                ArgumentNullException.ThrowIfNull(destination);
                int index = IndexOf(key);
                var entry = _entries[index];
                if (!TensorShapes.Equal(entry.Shape, destination.shape))
                {
                    throw new ArgumentException(
                        $"'{key}' has shape {TensorShapes.Format(entry.Shape)} in '{Source}' but the destination has shape "
                        + $"{TensorShapes.Format(destination.shape)}; NetGen never broadcasts.",
                        nameof(copies));
                }

                resolved.Add(new EntryCopy(index, entry, destination));
            }

            using var noGrad = no_grad();
            CopyEntries(resolved);
        }

        /// <summary>Releases the file.</summary>
        protected virtual void Dispose(bool disposing)
        {
        }

        /// <summary>New CPU tensors for the entries at <paramref name="indices"/>, in that order; none is left undisposed on failure.</summary>
        private protected abstract Tensor[] ReadEntries(IReadOnlyList<int> indices);

        /// <summary>Checks every record <paramref name="copies"/> need, then copies them (under no_grad).</summary>
        private protected abstract void CopyEntries(IReadOnlyList<EntryCopy> copies);

        private protected void AddEntry(CheckpointEntry entry)
        {
            if (!_indexByKey.TryAdd(entry.Key, _entries.Count))
            {
                throw Corrupt($"the key '{entry.Key}' occurs twice");
            }

            _entries.Add(entry);
        }

        private protected CheckpointFormatException Corrupt(string problem, string? key = null, Exception? inner = null) =>
            new(Source, Format, problem, key, inner);

        /// <summary>
        /// Runs parsing or reading code and turns the exceptions that a malformed file can raise inside the
        /// BCL (zip, deflate, JSON, UTF-8, streams) into <see cref="CheckpointFormatException"/>, naming
        /// <paramref name="key"/> when the code reads one entry's data.
        /// </summary>
        private protected void Guard(string? key, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (IsFormatProblem(e))
            {
                throw Corrupt(e.Message, key, e);
            }
        }

        /// <summary>True when bytes of <paramref name="dtype"/> can be read straight into <paramref name="destination"/>'s memory.</summary>
        private protected static bool CanReadDirectly(ScalarType dtype, Tensor destination) =>
            destination.dtype == dtype && destination.device_type == TorchSharp.DeviceType.CPU && destination.is_contiguous();

        /// <summary>Disposes the tensors made so far when a read fails part-way.</summary>
        private protected static void DisposeAll(IEnumerable<Tensor?> tensors)
        {
            foreach (var tensor in tensors)
            {
                tensor?.Dispose();
            }
        }

        internal static bool IsFormatProblem(Exception e) => e switch
        {
            CheckpointFormatException => false,
            FileNotFoundException or DirectoryNotFoundException or PathTooLongException => false,
            InvalidDataException or EndOfStreamException or IOException => true,
            JsonException or DecoderFallbackException or OverflowException => true,
            _ => false,
        };

        private int IndexOf(string key) =>
            _indexByKey.TryGetValue(key, out int index)
                ? index
                : throw new KeyNotFoundException($"'{Source}' has no entry '{key}'.");
    }

    /// <summary>One entry to copy into an existing tensor of the same shape.</summary>
    internal sealed record EntryCopy(int Index, CheckpointEntry Entry, Tensor Destination);
}
