using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Reads the zip format of <c>torch.save(state_dict)</c> (PyTorch 1.6 and later): <c>PREFIX/data.pkl</c>
    /// holds a pickled dict of tensors whose storages are the records <c>PREFIX/data/KEY</c>. The pickle is read
    /// by <see cref="RestrictedUnpickler"/>, every view is checked against its storage, and storage sizes are
    /// checked against the zip records, before any tensor memory is allocated.
    /// </summary>
    internal sealed class PyTorchCheckpointReader : CheckpointReader
    {
        private const int MaxPickleBytes = 32 << 20;

        /// <summary>Deflate cannot expand by more than about 1032:1; a record claiming more is lying.</summary>
        private const long MaxDeflateRatio = 1040;

        private readonly Stream _stream;
        private readonly bool _ownsStream;
        private readonly Dictionary<string, ZipArchiveEntry> _records = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StorageRef> _storages = new(StringComparer.Ordinal);
        private readonly List<TensorRef> _tensors = new();
        private ZipArchive? _archive;
        private string _prefix = "";

        public PyTorchCheckpointReader(Stream stream, string source, bool ownsStream)
            : base(source, CheckpointFormat.PyTorch)
        {
            _stream = stream;
            _ownsStream = ownsStream;
            try
            {
                Guard(Parse);
            }
            catch
            {
                _archive?.Dispose();
                throw;
            }
        }

        private protected override void ReadContiguous(int index, Tensor destination)
        {
            var tensor = _tensors[index];
            if (destination.NumberOfElements == 0)
            {
                return;
            }

            var storage = tensor.Storage;
            int elementSize = ElementTypes.SizeOf(storage.DType);
            using var record = Record(storage).Open();
            if (tensor.IsContiguous())
            {
                Skip(record, tensor.Offset * elementSize);
                TensorBytes.ReadExactly(record, destination);
                return;
            }

            using var whole = empty([storage.Elements], storage.DType);
            TensorBytes.ReadExactly(record, whole);
            using var view = whole.as_strided(tensor.Shape, tensor.Strides, tensor.Offset);
            destination.copy_(view);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _archive?.Dispose();
                if (_ownsStream)
                {
                    _stream.Dispose();
                }
            }
        }

        private void Parse()
        {
            Span<byte> magic = stackalloc byte[4];
            _stream.Position = 0;
            if (_stream.Length < 4 || _stream.Read(magic) != 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4)
            {
                throw Corrupt(
                    "it does not start with the zip magic 'PK\\x03\\x04'; NetGen reads the zip format torch.save has "
                    + "written since PyTorch 1.6, not the legacy format");
            }

            _stream.Position = 0;
            _archive = new ZipArchive(_stream, ZipArchiveMode.Read, leaveOpen: true);
            ZipArchiveEntry? pickle = null;
            foreach (var entry in _archive.Entries)
            {
                if (!_records.TryAdd(entry.FullName, entry))
                {
                    throw Corrupt($"the zip holds '{entry.FullName}' twice");
                }

                if (entry.CompressedLength > _stream.Length || entry.Length > Math.Max(entry.CompressedLength, 64) * MaxDeflateRatio)
                {
                    throw Corrupt($"the zip record '{entry.FullName}' claims sizes that the file cannot hold");
                }

                int slash = entry.FullName.IndexOf('/');
                if (slash > 0 && entry.FullName.AsSpan(slash + 1).SequenceEqual("data.pkl"))
                {
                    if (pickle is not null)
                    {
                        throw Corrupt("the zip holds more than one data.pkl");
                    }

                    pickle = entry;
                    _prefix = entry.FullName[..slash];
                }
            }

            if (pickle is null)
            {
                throw Corrupt("the zip holds no PREFIX/data.pkl record, so it was not written by torch.save");
            }

            var unpickler = new RestrictedUnpickler(ReadPickle(pickle), LoadStorage);
            object? root;
            try
            {
                root = unpickler.Load();
            }
            catch (PickleFormatException e)
            {
                throw Corrupt(e.Message);
            }

            if (root is not PickleDict dict)
            {
                throw Corrupt("data.pkl does not hold a dict; save model.state_dict(), not the model");
            }

            foreach (var (key, value) in dict.Items)
            {
                if (key is not string name)
                {
                    throw Corrupt("the state dict has a key that is not a string");
                }

                if (value is TensorRef tensor)
                {
                    AddEntry(new CheckpointEntry(name, tensor.Storage.DType, tensor.Shape));
                    _tensors.Add(tensor);
                }
            }
        }

        private byte[] ReadPickle(ZipArchiveEntry entry)
        {
            if (entry.Length > MaxPickleBytes)
            {
                throw Corrupt($"data.pkl is {entry.Length} bytes, more than the {MaxPickleBytes} NetGen reads");
            }

            var buffer = new byte[entry.Length];
            using var stream = entry.Open();
            stream.ReadExactly(buffer);
            if (stream.ReadByte() >= 0)
            {
                throw Corrupt("data.pkl is longer than its zip record says");
            }

            return buffer;
        }

        private StorageRef LoadStorage(PickleTuple pid)
        {
            var items = pid.Items;
            if (items.Length != 5 || items[0] is not "storage" || items[1] is not PickleGlobal type
                || items[2] is not string key || items[4] is not long elements || elements < 0
                || !ElementTypes.TryFromStorageName(type.Name, out ScalarType dtype))
            {
                throw new PickleFormatException("a persistent id that is not ('storage', torch.XStorage, key, location, numel)");
            }

            if (_storages.TryGetValue(key, out var known))
            {
                return known.DType == dtype && known.Elements == elements
                    ? known
                    : throw new PickleFormatException($"storage '{key}' is described twice with different types or sizes");
            }

            if (!_records.TryGetValue($"{_prefix}/data/{key}", out var record))
            {
                throw new PickleFormatException($"storage '{key}' has no record {_prefix}/data/{key} in the zip");
            }

            if (!ByteCounts.TryGet([elements], ElementTypes.SizeOf(dtype), record.Length, out long bytes) || bytes != record.Length)
            {
                throw new PickleFormatException(
                    $"storage '{key}' claims {elements} {type.Name} elements but its record holds {record.Length} bytes");
            }

            var storage = new StorageRef(key, dtype, elements);
            _storages.Add(key, storage);
            return storage;
        }

        private ZipArchiveEntry Record(StorageRef storage) => _records[$"{_prefix}/data/{storage.Key}"];

        private static void Skip(Stream stream, long bytes)
        {
            if (bytes == 0)
            {
                return;
            }

            if (stream.CanSeek)
            {
                stream.Seek(bytes, SeekOrigin.Current);
                return;
            }

            var buffer = new byte[(int)Math.Min(bytes, 1 << 20)];
            while (bytes > 0)
            {
                int read = stream.Read(buffer, 0, (int)Math.Min(bytes, buffer.Length));
                if (read == 0)
                {
                    throw new EndOfStreamException();
                }

                bytes -= read;
            }
        }
    }
}
