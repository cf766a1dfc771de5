using System.IO;
using System.Text;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Reads TorchSharp's <c>Module.save</c> format: LEB128 entry count, then per entry a length-prefixed
    /// UTF-8 key, LEB128 dtype, rank and dimensions, and the raw little-endian elements. The format has no
    /// magic number, so it is validated structurally: every size must fit in the file and the last entry
    /// must end exactly at the end of the file.
    /// </summary>
    internal sealed class TorchSharpCheckpointReader : ContiguousCheckpointReader
    {
        private const int MaxRank = 64;
        private const int MaxKeyBytes = 1 << 20;
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly Stream _stream;

        public TorchSharpCheckpointReader(Stream stream, string source, bool ownsStream)
            : base(stream, source, CheckpointFormat.TorchSharp, ownsStream)
        {
            _stream = stream;
            Guard(null, Parse);
        }

        private void Parse()
        {
            long length = _stream.Length;
            _stream.Position = 0;
            long count = ReadCount("the entry count", null);
            if (count > length)
            {
                throw Corrupt($"it claims {count} entries but has only {length} bytes");
            }

            byte[] keyBuffer = new byte[256];
            for (long i = 0; i < count; i++)
            {
                long keyLength = ReadCount("a key length", $"entry {i}");
                if (keyLength > Remaining() || keyLength > MaxKeyBytes)
                {
                    throw Corrupt($"entry {i} has a key length of {keyLength} bytes, past the end of the file");
                }

                if (keyLength > keyBuffer.Length)
                {
                    keyBuffer = new byte[keyLength];
                }

                _stream.ReadExactly(keyBuffer, 0, (int)keyLength);
                string key = StrictUtf8.GetString(keyBuffer, 0, (int)keyLength);
                long code = ReadCount("the dtype", key);
                var dtype = (ScalarType)code;
                if (code > sbyte.MaxValue || !ElementTypes.IsSupported(dtype))
                {
                    throw Corrupt($"unknown or unsupported dtype code {code}", key);
                }

                long rank = ReadCount("the rank", key);
                if (rank > MaxRank)
                {
                    throw Corrupt($"{rank} dimensions (at most {MaxRank})", key);
                }

                var shape = new long[rank];
                for (int d = 0; d < rank; d++)
                {
                    shape[d] = ReadCount("a dimension", key);
                }

                if (!ByteCounts.TryCountElements(shape, out _))
                {
                    throw Corrupt($"shape {TensorShapes.Format(shape)} has dimensions that multiply past int64", key);
                }

                if (!ByteCounts.TryGet(shape, ElementTypes.SizeOf(dtype), Remaining(), out long bytes))
                {
                    throw Corrupt($"shape {TensorShapes.Format(shape)} {dtype} needs more data than the {Remaining()} bytes left in the file", key);
                }

                AddEntry(new CheckpointEntry(key, dtype, shape), _stream.Position);
                _stream.Position += bytes;
            }

            if (_stream.Position != length)
            {
                throw Corrupt($"{length - _stream.Position} unexpected bytes follow the last entry (is this really a TorchSharp .dat file?)");
            }
        }

        /// <summary>Reads a LEB128 count; <paramref name="what"/> and <paramref name="key"/> only make the message of a bad one.</summary>
        private long ReadCount(string what, string? key) =>
            Leb128.TryRead(_stream, out long value) ? value : throw Corrupt($"{what} is not a valid LEB128 number", key);

        private long Remaining() => _stream.Length - _stream.Position;
    }
}
