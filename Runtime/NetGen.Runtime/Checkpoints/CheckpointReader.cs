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
    /// demand, straight into the destination tensor's memory. Open one with <see cref="Checkpoint.Open(string, CheckpointFormat?)"/>.
    /// Every problem with the file surfaces as <see cref="CheckpointFormatException"/>.
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

        /// <summary>The entry stored under <paramref name="key"/>, or null.</summary>
        public CheckpointEntry? Find(string key) => _indexByKey.TryGetValue(key, out int index) ? _entries[index] : null;

        /// <summary>Reads one entry into a new CPU tensor with the file's dtype and shape.</summary>
        public Tensor ReadTensor(string key)
        {
            int index = IndexOf(key);
            var entry = _entries[index];
            var tensor = empty(entry.Shape, entry.DType);
            try
            {
                Guard(() => ReadContiguous(index, tensor));
                return tensor;
            }
            catch
            {
                tensor.Dispose();
                throw;
            }
        }

        /// <summary>Reads every entry into new CPU tensors, in file order.</summary>
        public Dictionary<string, Tensor> ReadAll()
        {
            var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            try
            {
                foreach (var entry in _entries)
                {
                    result.Add(entry.Key, ReadTensor(entry.Key));
                }

                return result;
            }
            catch
            {
                foreach (var tensor in result.Values)
                {
                    tensor.Dispose();
                }

                throw;
            }
        }

        /// <summary>
        /// Copies one entry into an existing tensor in place (its identity, device and dtype are kept; the data
        /// is cast like PyTorch's <c>copy_</c>). The shapes must be equal: nothing is ever broadcast.
        /// </summary>
        /// <exception cref="ArgumentException">The shapes differ.</exception>
        public void ReadInto(string key, Tensor destination)
        {
            ArgumentNullException.ThrowIfNull(destination);
            int index = IndexOf(key);
            var entry = _entries[index];
            if (!TensorShapes.Equal(entry.Shape, destination.shape))
            {
                throw new ArgumentException(
                    $"'{key}' has shape {TensorShapes.Format(entry.Shape)} in '{Source}' but the destination has shape "
                    + $"{TensorShapes.Format(destination.shape)}; NetGen never broadcasts.",
                    nameof(destination));
            }

            using var noGrad = no_grad();
            bool direct = destination.dtype == entry.DType
                && destination.device_type == TorchSharp.DeviceType.CPU
                && destination.is_contiguous();
            if (direct)
            {
                Guard(() => ReadContiguous(index, destination));
                return;
            }

            using var staging = empty(entry.Shape, entry.DType);
            Guard(() => ReadContiguous(index, staging));
            destination.copy_(staging);
        }

        /// <summary>Closes the file.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases the file.</summary>
        protected virtual void Dispose(bool disposing)
        {
        }

        /// <summary>Fills <paramref name="destination"/> (CPU, contiguous, the entry's dtype and shape) with entry <paramref name="index"/>.</summary>
        private protected abstract void ReadContiguous(int index, Tensor destination);

        private protected void AddEntry(CheckpointEntry entry)
        {
            if (!_indexByKey.TryAdd(entry.Key, _entries.Count))
            {
                throw Corrupt($"the key '{entry.Key}' occurs twice");
            }

            _entries.Add(entry);
        }

        private protected CheckpointFormatException Corrupt(string problem, Exception? inner = null) =>
            new(Source, Format, problem, inner);

        /// <summary>
        /// Runs parsing or reading code and turns the exceptions that a malformed file can raise inside the
        /// BCL (zip, JSON, UTF-8, streams) into <see cref="CheckpointFormatException"/>.
        /// </summary>
        private protected void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (IsFormatProblem(e))
            {
                throw Corrupt(e.Message, e);
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
}
