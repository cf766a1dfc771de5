using System;
using System.IO;

namespace NetGen
{
    /// <summary>
    /// A read-only window of <c>length</c> bytes of another stream, starting at <c>start</c>: what a deflate
    /// decoder reads a zip record from, so it cannot read past the record. It does not own the inner stream.
    /// </summary>
    internal sealed class FileWindowStream(Stream inner, long start, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int count = (int)Math.Min(buffer.Length, length - _position);
            if (count <= 0)
            {
                return 0;
            }

            inner.Position = start + _position;
            int read = inner.Read(buffer[..count]);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
