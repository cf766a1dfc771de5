using System.IO;

namespace NetGen
{
    /// <summary>The unsigned LEB128 integers TorchSharp's <c>Module.save</c> writes for counts, dtypes and dimensions.</summary>
    internal static class Leb128
    {
        public static void Write(Stream stream, long value)
        {
            ulong remaining = (ulong)value;
            do
            {
                byte low = (byte)(remaining & 0x7F);
                remaining >>= 7;
                stream.WriteByte(remaining == 0 ? low : (byte)(low | 0x80));
            }
            while (remaining != 0);
        }

        /// <summary>
        /// Reads a non-negative value below 2^63: at most nine 7-bit groups, the last without a continuation bit.
        /// Returns false for a longer encoding, which could only hold a value past int64.
        /// </summary>
        public static bool TryRead(Stream stream, out long value)
        {
            value = 0;
            for (int shift = 0; shift <= 56; shift += 7)
            {
                int next = stream.ReadByte();
                if (next < 0)
                {
                    throw new EndOfStreamException();
                }

                value |= (long)(next & 0x7F) << shift;
                if ((next & 0x80) == 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
