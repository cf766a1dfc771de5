using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Reads safetensors: an 8-byte little-endian header size, a JSON header mapping each key to dtype, shape
    /// and <c>data_offsets</c>, then the data. Every offset is checked against the file before anything is read,
    /// and spans may not overlap. The header may be as large as the reference implementation allows (100 MB);
    /// it is read in one streaming pass (<see cref="SafetensorsHeader"/>), so opening costs about the header's size
    /// again in memory (a million entries: about 0.2 KB each), not a JSON document of it.
    /// </summary>
    internal sealed class SafetensorsReader : ContiguousCheckpointReader
    {
        /// <summary>The header limit the reference implementation uses.</summary>
        private const long MaxHeaderBytes = 100_000_000;
        private static readonly System.Text.UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

        private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);

        public SafetensorsReader(Stream stream, string source, bool ownsStream)
            : base(stream, source, CheckpointFormat.Safetensors, ownsStream)
        {
            Guard(null, Parse);
        }

        /// <summary>The optional <c>__metadata__</c> string map.</summary>
        public IReadOnlyDictionary<string, string> Metadata => _metadata;

        private void Parse()
        {
            long length = Stream.Length;
            if (length < 8)
            {
                throw Corrupt($"the file has {length} bytes, fewer than the 8-byte header size");
            }

            Span<byte> prefix = stackalloc byte[8];
            Stream.Position = 0;
            Stream.ReadExactly(prefix);
            ulong headerSize = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
            if (headerSize > MaxHeaderBytes || (long)headerSize > length - 8)
            {
                throw Corrupt($"the header size {headerSize} is larger than the file or than {MaxHeaderBytes} bytes");
            }

            var header = new byte[headerSize];
            Stream.ReadExactly(header);
            long dataStart = 8 + (long)headerSize;
            long dataLength = length - dataStart;
            StrictUtf8.GetCharCount(header);

            var spans = new List<(long Begin, long End, int Entry)>();
            new SafetensorsHeader(header, (problem, key) => Corrupt(problem, key)).Read(
                item =>
                {
                    var entry = Check(item, dataLength);
                    AddEntry(entry, dataStart + item.Begin);
                    if (item.End > item.Begin)
                    {
                        spans.Add((item.Begin, item.End, Entries.Count - 1));
                    }
                },
                (name, value) => _metadata[name] = value);

            spans.Sort((a, b) => a.Begin.CompareTo(b.Begin));
            for (int i = 1; i < spans.Count; i++)
            {
                if (spans[i].Begin < spans[i - 1].End)
                {
                    throw Corrupt($"its data overlaps the data of '{Entries[spans[i - 1].Entry].Key}'", Entries[spans[i].Entry].Key);
                }
            }
        }

        private CheckpointEntry Check(SafetensorsHeaderEntry item, long dataLength)
        {
            if (!ElementTypes.TryFromSafetensorsName(item.DType, out ScalarType dtype))
            {
                throw Corrupt($"unsupported dtype '{item.DType}'", item.Key);
            }

            if (item.Begin > item.End || item.End > dataLength)
            {
                throw Corrupt($"data_offsets [{item.Begin}, {item.End}] lie outside the {dataLength} data bytes", item.Key);
            }

            if (!ByteCounts.TryCountElements(item.Shape, out _))
            {
                throw Corrupt($"shape {TensorShapes.Format(item.Shape)} has dimensions that multiply past int64", item.Key);
            }

            if (!ByteCounts.TryGet(item.Shape, ElementTypes.SizeOf(dtype), dataLength, out long bytes) || bytes != item.End - item.Begin)
            {
                throw Corrupt($"shape {TensorShapes.Format(item.Shape)} {item.DType} does not fit the {item.End - item.Begin} bytes its data_offsets span", item.Key);
            }

            return new CheckpointEntry(item.Key, dtype, item.Shape);
        }
    }
}
