using System.Collections.Generic;
using System.IO;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// The reading half of the formats that store each tensor as one contiguous run of little-endian bytes at a
    /// known offset (safetensors, TorchSharp's <c>.dat</c>). The parser checks every run against the file length;
    /// a copy checks that the file has not shrunk since, then reads each run once, straight into the destination
    /// when dtype, device and layout allow.
    /// </summary>
    internal abstract class ContiguousCheckpointReader : CheckpointReader
    {
        private readonly List<long> _dataOffsets = new();
        private readonly bool _ownsStream;
        private readonly long _parsedLength;

        private protected ContiguousCheckpointReader(Stream stream, string source, CheckpointFormat format, bool ownsStream)
            : base(source, format)
        {
            Stream = stream;
            _ownsStream = ownsStream;
            _parsedLength = stream.Length;
        }

        private protected Stream Stream { get; }

        private protected void AddEntry(CheckpointEntry entry, long dataOffset)
        {
            AddEntry(entry);
            _dataOffsets.Add(dataOffset);
        }

        private protected override Tensor[] ReadEntries(IReadOnlyList<int> indices)
        {
            var result = new Tensor[indices.Count];
            try
            {
                for (int i = 0; i < indices.Count; i++)
                {
                    var entry = Entries[indices[i]];
                    result[i] = empty(entry.Shape, entry.DType);
                    int index = indices[i];
                    Guard(entry.Key, () => Read(index, result[i]));
                }

                return result;
            }
            catch
            {
                DisposeAll(result);
                throw;
            }
        }

        private protected override void CopyEntries(IReadOnlyList<EntryCopy> copies)
        {
            if (copies.Count > 0 && Stream.Length < _parsedLength)
            {
                throw Corrupt($"the file shrank from {_parsedLength} to {Stream.Length} bytes after it was opened", copies[0].Entry.Key);
            }

            foreach (var (index, entry, destination) in copies)
            {
                if (CanReadDirectly(entry.DType, destination))
                {
                    Guard(entry.Key, () => Read(index, destination));
                    continue;
                }

                using var staging = empty(entry.Shape, entry.DType);
                Guard(entry.Key, () => Read(index, staging));
                destination.copy_(staging);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _ownsStream)
            {
                Stream.Dispose();
            }
        }

        private void Read(int index, Tensor destination)
        {
            Stream.Position = _dataOffsets[index];
            TensorBytes.ReadExactly(Stream, destination);
        }
    }
}
