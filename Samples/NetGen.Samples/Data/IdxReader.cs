using System;
using System.IO;
using System.IO.Compression;

namespace NetGen.Samples.Data;

/// <summary>An IDX file of unsigned bytes: its dimensions and its data, row-major.</summary>
public sealed record IdxArray(int[] Dimensions, byte[] Data)
{
    public int Count => Dimensions[0];
}

/// <summary>
/// Reads the IDX format of (Fashion-)MNIST: a big-endian header <c>0x00 0x00 type ndims</c>, one big-endian
/// int32 per dimension, then the data. Only type 0x08 (unsigned byte) is accepted. Files ending in
/// <c>.gz</c> are gunzipped. Every failure is a <see cref="DatasetFormatException"/> naming the file.
/// </summary>
public static class IdxReader
{
    /// <summary>Magic number of an image file: unsigned bytes, 3 dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;
    /// <summary>Magic number of a label file: unsigned bytes, 1 dimension (count).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>
    /// Reads <paramref name="path"/>, checks its magic number is <paramref name="expectedMagic"/> and that
    /// it holds exactly the data its header announces, keeping at most <paramref name="limit"/> items
    /// (all when <paramref name="limit"/> ≤ 0).
    /// </summary>
    public static IdxArray Read(string path, int expectedMagic, int limit = 0)
    {
        if (!File.Exists(path))
            throw new DatasetFormatException(path, "file not found");
        try
        {
            using var file = File.OpenRead(path);
            using Stream stream = IsGzip(path, file) ? new GZipStream(file, CompressionMode.Decompress) : file;
            return Read(stream, path, expectedMagic, limit);
        }
        catch (DatasetFormatException) { throw; }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(path, $"cannot be read ({e.Message})", e);
        }
    }

    private static bool IsGzip(string path, FileStream file)
    {
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return true;
        // A raw IDX file starts with two zero bytes; gzip starts with 1f 8b.
        Span<byte> head = stackalloc byte[2];
        int n = file.Read(head);
        file.Position = 0;
        return n == 2 && head[0] == 0x1f && head[1] == 0x8b;
    }

    private static IdxArray Read(Stream stream, string path, int expectedMagic, int limit)
    {
        var header = new byte[4];
        ReadExactly(stream, header, path, "the header");
        int magic = ReadInt32BigEndian(header);
        if (magic != expectedMagic)
            throw new DatasetFormatException(path,
                $"wrong magic number 0x{magic:x8}, expected 0x{expectedMagic:x8} ({Describe(expectedMagic)})");

        int ndims = header[3];
        var dims = new int[ndims];
        var dimBytes = new byte[4 * ndims];
        ReadExactly(stream, dimBytes, path, "the dimensions");
        long total = 1;
        for (int i = 0; i < ndims; i++)
        {
            dims[i] = ReadInt32BigEndian(dimBytes.AsSpan(4 * i));
            if (dims[i] <= 0 || (i > 0 && dims[i] > 4096))
                throw new DatasetFormatException(path, $"implausible dimension {i}: {dims[i]}");
            total *= dims[i];
        }
        if (total > int.MaxValue)
            throw new DatasetFormatException(path, $"too large: {total} bytes announced");

        long itemSize = total / dims[0];
        int keep = limit > 0 ? Math.Min(limit, dims[0]) : dims[0];
        var data = new byte[keep * itemSize];
        ReadExactly(stream, data, path, $"the data ({dims[0]} items of {itemSize} bytes announced)");
        if (keep == dims[0])
        {
            // The whole file was asked for: it must end exactly here.
            if (stream.ReadByte() != -1)
                throw new DatasetFormatException(path, "longer than its header announces (trailing data)");
        }
        else
        {
            // Only a prefix is kept, but the file must still be complete.
            long rest = (dims[0] - keep) * itemSize;
            var skip = new byte[81920];
            while (rest > 0)
            {
                int n = stream.Read(skip, 0, (int)Math.Min(skip.Length, rest));
                if (n == 0)
                    throw new DatasetFormatException(path,
                        $"truncated: {rest} bytes missing of the {dims[0]} items its header announces");
                rest -= n;
            }
        }
        dims[0] = keep;
        return new IdxArray(dims, data);
    }

    private static void ReadExactly(Stream stream, byte[] buffer, string path, string what)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
                throw new DatasetFormatException(path,
                    $"truncated: ended after {read} of the {buffer.Length} bytes of {what}");
            read += n;
        }
    }

    private static int ReadInt32BigEndian(ReadOnlySpan<byte> b) =>
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(b);

    private static string Describe(int magic) => magic switch
    {
        ImagesMagic => "unsigned-byte images, 3 dimensions",
        LabelsMagic => "unsigned-byte labels, 1 dimension",
        _ => "unsigned-byte data",
    };
}
