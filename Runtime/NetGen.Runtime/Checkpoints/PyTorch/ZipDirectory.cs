using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NetGen
{
    /// <summary>
    /// Reads the central directory of a zip (zip64 included), the part of the format torch.save's archives
    /// need, and locates each record's bytes through its local header. NetGen reads the zip itself rather than
    /// through <c>System.IO.Compression.ZipArchive</c> because a load needs what that class keeps private: the
    /// compression method, the data offset (so stored records are read in place, at any offset, without
    /// streaming through them) and a local header check that can run before anything is copied.
    /// Every size and offset is checked against the file; multi-disk and encrypted zips are refused.
    /// </summary>
    internal sealed class ZipDirectory
    {
        private const uint EndSignature = 0x06054b50;
        private const uint Zip64EndSignature = 0x06064b50;
        private const uint Zip64LocatorSignature = 0x07064b50;
        private const uint CentralSignature = 0x02014b50;
        private const uint LocalSignature = 0x04034b50;
        private const int EndSize = 22;
        private const int CentralSize = 46;
        private const int LocalSize = 30;

        /// <summary>Deflate cannot expand by more than about 1032:1; a record claiming more is lying.</summary>
        private const long MaxDeflateRatio = 1040;
        private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

        private readonly Stream _stream;
        private readonly long _length;
        private readonly Func<string, Exception> _fail;
        private readonly Dictionary<string, CentralEntry> _entries = new(StringComparer.Ordinal);
        private long _centralStart;

        private ZipDirectory(Stream stream, Func<string, Exception> fail)
        {
            _stream = stream;
            _length = stream.Length;
            _fail = fail;
        }

        /// <summary>The record names, in central-directory order.</summary>
        public List<string> Names { get; } = new();

        /// <summary>Reads the central directory; <paramref name="fail"/> makes the exception for a malformed zip.</summary>
        public static ZipDirectory Read(Stream stream, Func<string, Exception> fail)
        {
            var directory = new ZipDirectory(stream, fail);
            directory.ReadCentralDirectory();
            return directory;
        }

        public bool Contains(string name) => _entries.ContainsKey(name);

        /// <summary>The size a record declares once inflated, without reading its local header.</summary>
        public long DeclaredSize(string name) => _entries[name].Size;

        /// <summary>
        /// Reads and checks the local header of <paramref name="name"/>: signature, method and name must agree with
        /// the central directory, and the record's bytes must lie between the header and the central directory.
        /// <paramref name="fail"/> makes the exception, so the caller can name the entry the record holds.
        /// </summary>
        public ZipRecord Locate(string name, Func<string, Exception> fail)
        {
            var entry = _entries[name];
            // One read for the fixed part and the name, which must be the central directory's.
            int headerLength = LocalSize + entry.NameBytes.Length;
            Span<byte> header = headerLength <= 512 ? stackalloc byte[headerLength] : new byte[headerLength];
            ReadAt(entry.LocalHeaderOffset, header, $"the local header of '{name}'", fail);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalSignature)
            {
                throw fail($"the local header of '{name}' at byte {entry.LocalHeaderOffset} has no local-header signature");
            }

            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
            ushort method = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
            uint compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[18..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            if (method != (ushort)entry.Method || nameLength != entry.NameBytes.Length)
            {
                throw fail($"the local header of '{name}' disagrees with the central directory on the method or the name");
            }

            // Without a data descriptor (flag bit 3) the local header carries the real sizes; 0xFFFFFFFF defers to zip64.
            if ((flags & 0x8) == 0 && compressed != uint.MaxValue && compressed != (uint)entry.CompressedSize)
            {
                throw fail($"the local header of '{name}' says {compressed} bytes but the central directory says {entry.CompressedSize}");
            }

            if (!header[LocalSize..].SequenceEqual(entry.NameBytes))
            {
                throw fail($"the local header of '{name}' names another record");
            }

            long dataOffset = entry.LocalHeaderOffset + LocalSize + nameLength + extraLength;
            if (entry.CompressedSize > _centralStart - dataOffset)
            {
                throw fail($"the bytes of '{name}' run past the start of the central directory");
            }

            return new ZipRecord(name, entry.Method, entry.CompressedSize, entry.Size, dataOffset);
        }

        private void ReadCentralDirectory()
        {
            long endOffset = FindEnd(_length);
            Span<byte> end = stackalloc byte[EndSize];
            ReadAt(endOffset, end, "the end of central directory");
            if (BinaryPrimitives.ReadUInt16LittleEndian(end[4..]) != 0 || BinaryPrimitives.ReadUInt16LittleEndian(end[6..]) != 0)
            {
                throw _fail("a multi-disk zip, which torch.save never writes");
            }

            long count = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(end[12..]);
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);
            long directoryEnd = endOffset;
            // A writer that needs zip64 (over 65,535 records or 4 GiB) leaves 0xFFFF(FFFF) in the fields that overflow.
            bool zip64 = count == ushort.MaxValue || size == uint.MaxValue || offset == uint.MaxValue;
            if (zip64 && endOffset >= 20 && TryReadZip64End(endOffset, ref count, ref size, ref offset, out long zip64End))
            {
                directoryEnd = zip64End;
            }

            if (offset > directoryEnd || size > directoryEnd - offset || count > size / CentralSize)
            {
                throw _fail($"the central directory ({count} records, {size} bytes at byte {offset}) does not fit in the file");
            }

            _centralStart = offset;
            var directory = new byte[size];
            ReadAt(offset, directory, "the central directory");
            int position = 0;
            for (long i = 0; i < count; i++)
            {
                position = ReadCentralEntry(directory, position);
            }
        }

        private long FindEnd(long length)
        {
            if (length < EndSize)
            {
                throw _fail($"the file has {length} bytes, too few for a zip");
            }

            // The end record is the last 22 bytes unless the zip has a comment (at most 65,535 bytes).
            int window = (int)Math.Min(length, EndSize + ushort.MaxValue);
            var tail = new byte[window];
            ReadAt(length - window, tail, "the end of the file");
            for (int at = window - EndSize; at >= 0; at--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) == EndSignature
                    && at + EndSize + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 20)) <= window)
                {
                    return length - window + at;
                }
            }

            throw _fail("no zip end-of-central-directory record");
        }

        private bool TryReadZip64End(long endOffset, ref long count, ref long size, ref long offset, out long zip64End)
        {
            zip64End = 0;
            Span<byte> locator = stackalloc byte[20];
            ReadAt(endOffset - 20, locator, "the zip64 locator");
            if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature)
            {
                return false;
            }

            long at = BinaryPrimitives.ReadInt64LittleEndian(locator[8..]);
            if (at < 0 || at > endOffset - 20 - 56)
            {
                throw _fail("the zip64 end record lies outside the file");
            }

            Span<byte> end = stackalloc byte[56];
            ReadAt(at, end, "the zip64 end record");
            if (BinaryPrimitives.ReadUInt32LittleEndian(end) != Zip64EndSignature)
            {
                throw _fail("the zip64 locator points at something that is not a zip64 end record");
            }

            count = ToLength(BinaryPrimitives.ReadUInt64LittleEndian(end[32..]));
            size = ToLength(BinaryPrimitives.ReadUInt64LittleEndian(end[40..]));
            offset = ToLength(BinaryPrimitives.ReadUInt64LittleEndian(end[48..]));
            zip64End = at;
            return true;
        }

        private int ReadCentralEntry(byte[] directory, int position)
        {
            var span = directory.AsSpan();
            if (directory.Length - position < CentralSize || BinaryPrimitives.ReadUInt32LittleEndian(span[position..]) != CentralSignature)
            {
                throw _fail($"central directory record {Names.Count} is missing or corrupt");
            }

            var fixedPart = span.Slice(position, CentralSize);
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[8..]);
            ushort method = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[10..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[32..]);
            long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[42..]);
            int next = position + CentralSize + nameLength + extraLength + commentLength;
            if (next > directory.Length)
            {
                throw _fail($"central directory record {Names.Count} runs past the directory");
            }

            byte[] nameBytes = span.Slice(position + CentralSize, nameLength).ToArray();
            string name = DecodeName(nameBytes);
            ApplyZip64(span.Slice(position + CentralSize + nameLength, extraLength), name, ref uncompressed, ref compressed, ref localOffset);
            if ((flags & 0x1) != 0)
            {
                throw _fail($"'{name}' is encrypted");
            }

            if (method is not ((ushort)ZipMethod.Stored or (ushort)ZipMethod.Deflated))
            {
                throw _fail($"'{name}' uses compression method {method}; torch.load reads stored (0) and deflated (8) records only");
            }

            if ((ZipMethod)method == ZipMethod.Stored && compressed != uncompressed)
            {
                throw _fail($"the stored record '{name}' has {compressed} bytes but claims to hold {uncompressed}");
            }

            if (localOffset > _centralStart - LocalSize - nameLength || compressed > _centralStart
                || ((ZipMethod)method == ZipMethod.Deflated && uncompressed > Math.Max(compressed, 64) * MaxDeflateRatio))
            {
                throw _fail($"'{name}' claims sizes or an offset that the file cannot hold");
            }

            if (!_entries.TryAdd(name, new CentralEntry(nameBytes, (ZipMethod)method, compressed, uncompressed, localOffset)))
            {
                throw _fail($"the zip holds '{name}' twice");
            }

            Names.Add(name);
            return next;
        }

        /// <summary>Replaces the 32-bit fields that hold 0xFFFFFFFF with their values from the zip64 extra field (id 1).</summary>
        private void ApplyZip64(ReadOnlySpan<byte> extra, string name, ref long uncompressed, ref long compressed, ref long localOffset)
        {
            if (uncompressed != uint.MaxValue && compressed != uint.MaxValue && localOffset != uint.MaxValue)
            {
                return;
            }

            while (extra.Length >= 4)
            {
                ushort id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
                int length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
                if (length > extra.Length - 4)
                {
                    break;
                }

                var data = extra.Slice(4, length);
                extra = extra[(4 + length)..];
                if (id != 1)
                {
                    continue;
                }

                uncompressed = NextZip64(ref data, uncompressed, name);
                compressed = NextZip64(ref data, compressed, name);
                localOffset = NextZip64(ref data, localOffset, name);
                return;
            }

            throw _fail($"'{name}' needs a zip64 extra field and has none");
        }

        private long NextZip64(ref ReadOnlySpan<byte> data, long value, string name)
        {
            if (value != uint.MaxValue)
            {
                return value;
            }

            if (data.Length < 8)
            {
                throw _fail($"the zip64 extra field of '{name}' is too short");
            }

            long result = ToLength(BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
            return result;
        }

        private long ToLength(ulong value) =>
            value <= (ulong)_length ? (long)value : throw _fail($"a zip64 size or offset of {value} bytes, more than the file holds");

        private string DecodeName(byte[] bytes)
        {
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw _fail($"central directory record {Names.Count} has a name that is not UTF-8");
            }
        }

        private void ReadAt(long offset, Span<byte> buffer, string what, Func<string, Exception>? fail = null)
        {
            if (offset < 0 || offset > _length - buffer.Length)
            {
                throw (fail ?? _fail)($"{what} at byte {offset} lies past the end of the file");
            }

            if (_stream is FileStream file)
            {
                // A positioned read: a local header is a few dozen bytes, and going through the FileStream would
                // refill its 64 KiB buffer for each of the hundreds of records a checkpoint has.
                while (buffer.Length > 0)
                {
                    int read = RandomAccess.Read(file.SafeFileHandle, buffer, offset);
                    if (read == 0)
                    {
                        throw new EndOfStreamException();
                    }

                    buffer = buffer[read..];
                    offset += read;
                }

                return;
            }

            _stream.Position = offset;
            _stream.ReadExactly(buffer);
        }

        private sealed record CentralEntry(byte[] NameBytes, ZipMethod Method, long CompressedSize, long Size, long LocalHeaderOffset);
    }
}
