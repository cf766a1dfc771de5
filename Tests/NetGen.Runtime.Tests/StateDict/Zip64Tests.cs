using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// A checkpoint over 4 GiB (or with over 65,535 records) is a zip64 archive: torch.save writes the sizes and
    /// offsets that do not fit 32 bits as 0xFFFFFFFF and puts the real ones in a zip64 extra field, and the
    /// counts in a zip64 end record. NetGen reads its own zip directory, so these are tested on a small file
    /// rewritten in zip64 form, which PyTorch reads too.
    /// </summary>
    public sealed class Zip64Tests
    {
        [Fact]
        public void A_checkpoint_in_zip64_form_loads_like_the_original()
        {
            using var model = new LinearBn();
            var stream = new MemoryStream();
            Checkpoint.Write(stream, model.OrderedStateDict(), CheckpointFormat.PyTorch);
            byte[] zip64 = ToZip64(stream.ToArray());
            using var fresh = new LinearBn();

            using var reader = Checkpoint.Open(new MemoryStream(zip64), CheckpointFormat.PyTorch, "zip64.pt");
            var report = fresh.LoadState(reader);

            Assert.True(report.IsComplete, report.ToString());
            var original = model.OrderedStateDict();
            var loaded = fresh.OrderedStateDict();
            for (int i = 0; i < original.Count; i++)
            {
                Assert.True(original[i].Value.Equals(loaded[i].Value), original[i].Key);
            }
        }

        [SkippableFact]
        public void PyTorch_reads_the_zip64_form_too_so_the_test_file_is_a_real_zip64_archive()
        {
            PythonTorch.SkipIfUnavailable();
            using var directory = new TempDirectory();
            using var model = new LinearBn();
            var stream = new MemoryStream();
            Checkpoint.Write(stream, model.OrderedStateDict(), CheckpointFormat.PyTorch);
            File.WriteAllBytes(directory.File("zip64.pt"), ToZip64(stream.ToArray()));
            PythonTorch.WriteExpected(directory.File("expected.json"), model.OrderedStateDict());

            Assert.Equal("OK 7", PythonTorch.Run("check-pt", directory.File("zip64.pt"), directory.File("expected.json")));
        }

        [Fact]
        public void A_zip64_size_past_the_end_of_the_file_is_refused()
        {
            using var model = new LinearBn();
            var stream = new MemoryStream();
            Checkpoint.Write(stream, model.OrderedStateDict(), CheckpointFormat.PyTorch);
            byte[] zip64 = ToZip64(stream.ToArray(), lieAboutFirstSize: true);

            var error = Assert.Throws<CheckpointFormatException>(() => Checkpoint.Open(new MemoryStream(zip64), CheckpointFormat.PyTorch, "zip64.pt"));

            Assert.Contains("zip64", error.Message);
        }

        /// <summary>
        /// Rewrites a zip without data descriptors so that every central record defers its sizes and local header
        /// offset to a zip64 extra field, and the end of the directory is a zip64 end record, locator and end record.
        /// </summary>
        internal static byte[] ToZip64(byte[] zip, bool lieAboutFirstSize = false)
        {
            var span = zip.AsSpan();
            int end = zip.Length - 22;
            while (BinaryPrimitives.ReadUInt32LittleEndian(span[end..]) != 0x06054b50)
            {
                end--;
            }

            int count = BinaryPrimitives.ReadUInt16LittleEndian(span[(end + 10)..]);
            int directoryStart = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(end + 16)..]);
            var output = new MemoryStream();
            output.Write(span[..directoryStart]);
            int at = directoryStart;
            for (int i = 0; i < count; i++)
            {
                int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 28)..]);
                int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 30)..]);
                int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 32)..]);
                byte[] header = span.Slice(at, 46).ToArray();
                long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20));
                long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(24));
                long offset = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(42));
                BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), uint.MaxValue);
                BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), uint.MaxValue);
                BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(42), uint.MaxValue);
                BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(30), (ushort)(extraLength + 28));
                output.Write(header);
                output.Write(span.Slice(at + 46, nameLength));
                var extra = new byte[28];
                BinaryPrimitives.WriteUInt16LittleEndian(extra, 1);
                BinaryPrimitives.WriteUInt16LittleEndian(extra.AsSpan(2), 24);
                BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(4), uncompressed);
                BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(12), i == 0 && lieAboutFirstSize ? 1L << 40 : compressed);
                BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(20), offset);
                output.Write(extra);
                output.Write(span.Slice(at + 46 + nameLength, extraLength + commentLength));
                at += 46 + nameLength + extraLength + commentLength;
            }

            long directoryEnd = output.Length;
            var zip64End = new List<byte>();
            Append32(zip64End, 0x06064b50);
            Append64(zip64End, 44);
            Append16(zip64End, 45);
            Append16(zip64End, 45);
            Append32(zip64End, 0);
            Append32(zip64End, 0);
            Append64(zip64End, count);
            Append64(zip64End, count);
            Append64(zip64End, directoryEnd - directoryStart);
            Append64(zip64End, directoryStart);
            Append32(zip64End, 0x07064b50);
            Append32(zip64End, 0);
            Append64(zip64End, directoryEnd);
            Append32(zip64End, 1);
            Append32(zip64End, 0x06054b50);
            Append16(zip64End, 0);
            Append16(zip64End, 0);
            Append16(zip64End, ushort.MaxValue);
            Append16(zip64End, ushort.MaxValue);
            Append32(zip64End, uint.MaxValue);
            Append32(zip64End, uint.MaxValue);
            Append16(zip64End, 0);
            output.Write([.. zip64End]);
            return output.ToArray();
        }

        private static void Append16(List<byte> bytes, int value) => bytes.AddRange(BitConverter.GetBytes((ushort)value));

        private static void Append32(List<byte> bytes, uint value) => bytes.AddRange(BitConverter.GetBytes(value));

        private static void Append64(List<byte> bytes, long value) => bytes.AddRange(BitConverter.GetBytes(value));
    }
}
