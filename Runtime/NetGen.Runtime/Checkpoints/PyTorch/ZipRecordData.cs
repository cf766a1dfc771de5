using System;
using System.Buffers;
using System.IO;
using System.IO.Compression;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Reads the bytes of located zip records: a stored record in place, at any offset; a deflated one by
    /// inflating it from the start, once, checking that it inflates to exactly the size its directory entry
    /// declares (zip records carry no other integrity check that torch.load honours: PyTorch may write no CRC).
    /// </summary>
    internal static class ZipRecordData
    {
        private const int ScratchBytes = 1 << 16;

        /// <summary>Fills <paramref name="destination"/> (CPU, contiguous) from a stored record, starting <paramref name="byteOffset"/> bytes in.</summary>
        public static void ReadStored(Stream file, ZipRecord record, long byteOffset, Tensor destination)
        {
            file.Position = record.DataOffset + byteOffset;
            TensorBytes.ReadExactly(file, destination);
        }

        /// <summary>All the bytes of a record, stored or deflated, e.g. data.pkl.</summary>
        public static byte[] ReadAll(Stream file, ZipRecord record)
        {
            var bytes = new byte[record.Size];
            if (record.Method == ZipMethod.Stored)
            {
                file.Position = record.DataOffset;
                file.ReadExactly(bytes);
                return bytes;
            }

            using var inflater = Open(file, record);
            inflater.ReadExactly(bytes);
            ExpectEnd(inflater, record);
            return bytes;
        }

        /// <summary>
        /// Inflates a deflated record from its first byte to its last, copying the bytes from <paramref name="keepFrom"/>
        /// on into <paramref name="keep"/> (CPU, contiguous) when it is given. The whole record is inflated even when
        /// only part is kept, so a record that does not inflate to its declared size is always found.
        /// </summary>
        public static void Inflate(Stream file, ZipRecord record, long keepFrom, Tensor? keep)
        {
            using var inflater = Open(file, record);
            Skip(inflater, keepFrom);
            long kept = 0;
            if (keep is not null)
            {
                TensorBytes.ReadExactly(inflater, keep);
                kept = keep.NumberOfElements * keep.ElementSize;
            }

            Skip(inflater, record.Size - keepFrom - kept);
            ExpectEnd(inflater, record);
        }

        private static DeflateStream Open(Stream file, ZipRecord record) =>
            new(new FileWindowStream(file, record.DataOffset, record.CompressedSize), CompressionMode.Decompress);

        private static void Skip(Stream stream, long bytes)
        {
            byte[] scratch = ArrayPool<byte>.Shared.Rent(ScratchBytes);
            try
            {
                while (bytes > 0)
                {
                    int chunk = (int)Math.Min(bytes, ScratchBytes);
                    stream.ReadExactly(scratch, 0, chunk);
                    bytes -= chunk;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }

        private static void ExpectEnd(Stream inflater, ZipRecord record)
        {
            if (inflater.ReadByte() >= 0)
            {
                throw new InvalidDataException($"the record '{record.Name}' inflates to more than the {record.Size} bytes its directory entry declares");
            }
        }
    }
}
