using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Reads safetensors: an 8-byte little-endian header size, a JSON header mapping each key to dtype, shape
    /// and <c>data_offsets</c>, then the data. Every offset is checked against the file before anything is read,
    /// and spans may not overlap.
    /// </summary>
    internal sealed class SafetensorsReader : CheckpointReader
    {
        /// <summary>The header limit the reference implementation uses.</summary>
        private const long MaxHeaderBytes = 100_000_000;
        private const int MaxRank = 64;
        private static readonly System.Text.UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

        private readonly Stream _stream;
        private readonly bool _ownsStream;
        private readonly List<long> _dataOffsets = new();
        private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);

        public SafetensorsReader(Stream stream, string source, bool ownsStream)
            : base(source, CheckpointFormat.Safetensors)
        {
            _stream = stream;
            _ownsStream = ownsStream;
            Guard(Parse);
        }

        /// <summary>The optional <c>__metadata__</c> string map.</summary>
        public IReadOnlyDictionary<string, string> Metadata => _metadata;

        private protected override void ReadContiguous(int index, Tensor destination)
        {
            _stream.Position = _dataOffsets[index];
            TensorBytes.ReadExactly(_stream, destination);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _ownsStream)
            {
                _stream.Dispose();
            }
        }

        private void Parse()
        {
            long length = _stream.Length;
            if (length < 8)
            {
                throw Corrupt($"the file has {length} bytes, fewer than the 8-byte header size");
            }

            Span<byte> prefix = stackalloc byte[8];
            _stream.Position = 0;
            _stream.ReadExactly(prefix);
            ulong headerSize = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
            if (headerSize > MaxHeaderBytes || (long)headerSize > length - 8)
            {
                throw Corrupt($"the header size {headerSize} is larger than the file or than {MaxHeaderBytes} bytes");
            }

            var header = new byte[headerSize];
            _stream.ReadExactly(header);
            long dataStart = 8 + (long)headerSize;
            long dataLength = length - dataStart;

            StrictUtf8.GetCharCount(header);
            using var document = JsonDocument.Parse(header, new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Corrupt("the JSON header is not an object");
            }

            var spans = new List<(long Begin, long End, string Key)>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    ReadMetadata(property.Value);
                    continue;
                }

                var (entry, begin, end) = ReadEntry(property.Name, property.Value, dataLength);
                AddEntry(entry);
                _dataOffsets.Add(dataStart + begin);
                if (end > begin)
                {
                    spans.Add((begin, end, entry.Key));
                }
            }

            spans.Sort((a, b) => a.Begin.CompareTo(b.Begin));
            for (int i = 1; i < spans.Count; i++)
            {
                if (spans[i].Begin < spans[i - 1].End)
                {
                    throw Corrupt($"the data of '{spans[i].Key}' overlaps the data of '{spans[i - 1].Key}'");
                }
            }
        }

        private (CheckpointEntry Entry, long Begin, long End) ReadEntry(string key, JsonElement value, long dataLength)
        {
            if (value.ValueKind != JsonValueKind.Object
                || !value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String
                || !value.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
                || !value.TryGetProperty("data_offsets", out var offsetsElement) || offsetsElement.ValueKind != JsonValueKind.Array)
            {
                throw Corrupt($"the header entry '{key}' lacks a string dtype, a shape array or a data_offsets array");
            }

            string dtypeName = dtypeElement.GetString()!;
            if (!ElementTypes.TryFromSafetensorsName(dtypeName, out ScalarType dtype))
            {
                throw Corrupt($"'{key}' has unsupported dtype '{dtypeName}'");
            }

            int rank = shapeElement.GetArrayLength();
            if (rank > MaxRank)
            {
                throw Corrupt($"'{key}' has {rank} dimensions (at most {MaxRank})");
            }

            var shape = new long[rank];
            int d = 0;
            foreach (var dimension in shapeElement.EnumerateArray())
            {
                if (!TryGetNonNegative(dimension, out shape[d++]))
                {
                    throw Corrupt($"'{key}' has a dimension that is not a non-negative integer");
                }
            }

            if (offsetsElement.GetArrayLength() != 2
                || !TryGetNonNegative(offsetsElement[0], out long begin)
                || !TryGetNonNegative(offsetsElement[1], out long end)
                || begin > end || end > dataLength)
            {
                throw Corrupt($"'{key}' has data_offsets outside the {dataLength} data bytes");
            }

            if (!ByteCounts.TryGet(shape, ElementTypes.SizeOf(dtype), dataLength, out long bytes) || bytes != end - begin)
            {
                throw Corrupt($"'{key}' has shape {TensorShapes.Format(shape)} {dtypeName} but its data_offsets span {end - begin} bytes");
            }

            return (new CheckpointEntry(key, dtype, shape), begin, end);
        }

        private void ReadMetadata(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw Corrupt("__metadata__ is not an object");
            }

            foreach (var item in value.EnumerateObject())
            {
                if (item.Value.ValueKind != JsonValueKind.String)
                {
                    throw Corrupt($"__metadata__ value '{item.Name}' is not a string");
                }

                _metadata[item.Name] = item.Value.GetString()!;
            }
        }

        private static bool TryGetNonNegative(JsonElement element, out long value)
        {
            value = 0;
            return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value) && value >= 0;
        }
    }
}
