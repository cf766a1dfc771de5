namespace NetGen
{
    /// <summary>How a zip record's bytes are stored. torch.save writes <see cref="Stored"/>; miniz (torch.load) also reads <see cref="Deflated"/>.</summary>
    internal enum ZipMethod : ushort
    {
        Stored = 0,
        Deflated = 8,
    }

    /// <summary>
    /// One record of a zip as its central directory and its local header describe it, checked against each
    /// other and against the file: <see cref="DataOffset"/> .. + <see cref="CompressedSize"/> lies inside the file,
    /// before the central directory.
    /// </summary>
    /// <param name="Name">The record's path, e.g. <c>archive/data/0</c>.</param>
    /// <param name="Method">Stored or deflated; other methods are refused when the directory is read.</param>
    /// <param name="CompressedSize">The bytes the record occupies in the file.</param>
    /// <param name="Size">The bytes it holds once inflated (equal to <see cref="CompressedSize"/> when stored).</param>
    /// <param name="DataOffset">Where its bytes start in the file, just past the local header.</param>
    internal sealed record ZipRecord(string Name, ZipMethod Method, long CompressedSize, long Size, long DataOffset);
}
