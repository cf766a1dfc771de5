using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// Issue 15, item 10: amplification inside the format's own limits. A 2 MB zip allocated 2 GiB (deflate
    /// expands up to ~1032:1), and a one-million-entry safetensors header took 7 s and 1.9 GB to open.
    /// </summary>
    public sealed class CompressionBombTests(ITestOutputHelper output)
    {
        [Fact]
        public void A_deflated_storage_larger_than_every_tensor_it_fills_is_refused_without_inflating_it()
        {
            const long inflated = 256L << 20;
            var pickle = new PickleBytes().Op('}').Op('(').Str("w").Tensor("0", inflated / 4, 0, [256, 256], [0, 0]).Op('u').Stop();
            byte[] file = PickleBytes.Zip(pickle, false, StorageRecord.DeflatedZeros("0", inflated));
            var counting = new CountingStream(new MemoryStream(file));
            using var model = StateTree.FromShapes([("w", new long[] { 256, 256 })]);

            using var reader = Checkpoint.Open(counting, CheckpointFormat.PyTorch, "bomb.pt");
            long afterOpen = counting.BytesRead;
            var load = Assert.Throws<CheckpointFormatException>(() => model.LoadState(reader));
            var read = Assert.Throws<CheckpointFormatException>(() => reader.ReadAll());

            Assert.True(file.Length < inflated / 500, $"{file.Length} bytes inflate to {inflated}");
            Assert.Equal("w", load.Key);
            Assert.Contains($"to {inflated} bytes", load.Message);
            Assert.Contains("needs only 262144", load.Message);
            Assert.Contains("needs only 4", read.Message);
            Assert.True(counting.BytesRead - afterOpen == 0, $"{counting.BytesRead - afterOpen} bytes were read after the file was opened");
        }

        [Fact]
        public void A_zip_record_claiming_to_inflate_past_what_deflate_can_expand_is_refused_at_open()
        {
            var pickle = new PickleBytes().Op('}').Op('(').Str("w").FloatTensor("0", 4, 0, [4], [1]).Op('u').Stop();
            byte[] file = PickleBytes.Zip(pickle, false, new StorageRecord("0", StridedViewTests.Floats(1, 2, 3, 4), 0, Deflate: true));
            int central = CentralHeader(file, "archive/data/0");
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(central + 24), 4_000_000_000);

            var error = Assert.Throws<CheckpointFormatException>(() => Checkpoint.Open(new MemoryStream(file), CheckpointFormat.PyTorch, "liar.pt"));

            Assert.Contains("claims sizes or an offset that the file cannot hold", error.Message);
        }

        [Fact]
        public void A_safetensors_header_of_a_million_entries_opens_in_one_pass_with_memory_proportional_to_it()
        {
            const int entries = 1_000_000;
            var json = new StringBuilder("{");
            for (int i = 0; i < entries; i++)
            {
                json.Append(i == 0 ? "" : ",").Append("\"layer.").Append(i).Append(".w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}");
            }

            byte[] header = Encoding.UTF8.GetBytes(json.Append('}').ToString());
            var file = new byte[8 + header.Length];
            BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)header.Length);
            header.CopyTo(file, 8);
            GC.Collect();

            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using var reader = Checkpoint.Open(new MemoryStream(file), CheckpointFormat.Safetensors, "million.safetensors");
            clock.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            output.WriteLine($"{file.Length / 1e6:F1} MB header, {entries} entries: {clock.Elapsed.TotalSeconds:F2} s, {allocated / 1e6:F0} MB allocated");
            Assert.Equal(entries, reader.Entries.Count);
            // About 0.2 KB per entry besides the header itself: the entry, its key, its shape, the index and offsets.
            Assert.True(allocated < file.Length + 300L * entries, $"{allocated / 1e6:F0} MB allocated to open a {file.Length / 1e6:F0} MB header");
        }

        private static int CentralHeader(byte[] zip, string name)
        {
            byte[] nameBytes = Encoding.UTF8.GetBytes(name);
            for (int at = zip.Length - 46; at >= 0; at--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)) == 0x02014b50
                    && BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28)) == nameBytes.Length
                    && zip.AsSpan(at + 46, nameBytes.Length).SequenceEqual(nameBytes))
                {
                    return at;
                }
            }

            throw new InvalidOperationException($"no central header for {name}");
        }
    }
}
