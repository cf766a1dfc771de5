using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// Issue 15, item 9: a corrupt local header in the last record threw after 9 of 10 parameters had been
    /// overwritten, without naming the key. A load now checks every record it will copy before it writes any,
    /// and the error names the file and the entry.
    /// </summary>
    public sealed class AllOrNothingLoadTests
    {
        private const int Parameters = 10;

        /// <summary>Ways to break one local header: its signature, its name, its method, its size.</summary>
        public static TheoryData<string, int, byte> Corruptions => new()
        {
            { "signature", 0, 0x00 },
            { "method", 8, 0x08 },
            { "name length", 26, 0x02 },
            { "compressed size", 18, 0x01 },
            { "name", 30 + 13, (byte)'X' },
        };

        [Theory]
        [MemberData(nameof(Corruptions))]
        public void A_corrupt_local_header_of_any_record_changes_no_parameter_and_names_its_key(string part, int offset, byte value)
        {
            for (int record = 0; record < Parameters; record++)
            {
                using var model = TenParameters();
                byte[] file = Saved(model);
                file[LocalHeader(file, $"archive/data/{record}") + offset] = value;
                using var fresh = TenParameters(seed: 2);
                var before = Fixtures.SnapshotState(fresh);

                var error = Assert.Throws<CheckpointFormatException>(() => Load(fresh, file));

                Assert.True(error.Key == $"p{record}.weight", $"{part} of record {record}: {error.Message}");
                Assert.Contains("ten.pt", error.Message);
                AssertUnchanged(fresh, before);
            }
        }

        [Fact]
        public void A_deflated_last_record_that_does_not_inflate_changes_no_parameter()
        {
            var pickle = new PickleBytes().Op('}').Op('(');
            var storages = new List<StorageRecord>();
            for (int p = 0; p < Parameters; p++)
            {
                pickle.Str($"p{p}.weight").FloatTensor($"{p}", 64, 0, [8, 8], [8, 1]);
                storages.Add(new StorageRecord($"{p}", StridedViewTests.Floats([.. Enumerable.Repeat(p + 0.5f, 64)]), 0, Deflate: p == Parameters - 1));
            }

            byte[] file = PickleBytes.Zip(pickle.Op('u').Stop(), false, [.. storages]);
            int data = LocalHeader(file, $"archive/data/{Parameters - 1}") + 30 + $"archive/data/{Parameters - 1}".Length;
            file[data] = 0xFF; // a deflate block of the reserved type 3
            using var model = TenParameters(seed: 2);
            var before = Fixtures.SnapshotState(model);

            var error = Assert.Throws<CheckpointFormatException>(() => Load(model, file));

            Assert.Equal("p9.weight", error.Key);
            Assert.Contains("storage record 'archive/data/9'", error.Message);
            AssertUnchanged(model, before);
        }

        [Theory]
        [InlineData(CheckpointFormat.PyTorch)]
        [InlineData(CheckpointFormat.Safetensors)]
        [InlineData(CheckpointFormat.TorchSharp)]
        public void A_file_cut_short_after_it_was_opened_changes_no_parameter(CheckpointFormat format)
        {
            using var saved = TenParameters();
            var stream = new MemoryStream();
            Checkpoint.Write(stream, saved.OrderedStateDict(), format);
            using var model = TenParameters(seed: 2);
            var before = Fixtures.SnapshotState(model);

            using var reader = Checkpoint.Open(stream, format, "ten");
            stream.SetLength(stream.Length - 100);
            var error = Assert.Throws<CheckpointFormatException>(() => model.LoadState(reader));

            Assert.Contains("shrank", error.Message);
            AssertUnchanged(model, before);
        }

        private static StateTree TenParameters(int seed = 1)
        {
            manual_seed(seed);
            var model = StateTree.FromShapes(Enumerable.Range(0, Parameters).Select(p => ($"p{p}.weight", new long[] { 8, 8 })));
            using (no_grad())
            {
                foreach (var (_, tensor) in model.OrderedStateDict())
                {
                    tensor.copy_(randn(8, 8));
                }
            }

            return model;
        }

        private static byte[] Saved(nn.Module model)
        {
            var stream = new MemoryStream();
            Checkpoint.Write(stream, model.OrderedStateDict(), CheckpointFormat.PyTorch);
            return stream.ToArray();
        }

        private static void Load(nn.Module model, byte[] file)
        {
            using var reader = Checkpoint.Open(new MemoryStream(file), CheckpointFormat.PyTorch, "ten.pt");
            model.LoadState(reader);
        }

        private static void AssertUnchanged(nn.Module model, Dictionary<string, Tensor> before) =>
            Assert.All(model.OrderedStateDict(), kv => Assert.True(kv.Value.Equals(before[kv.Key]), $"{kv.Key} changed"));

        /// <summary>The offset of the local header of the record named <paramref name="name"/>.</summary>
        internal static int LocalHeader(byte[] zip, string name)
        {
            byte[] nameBytes = Encoding.UTF8.GetBytes(name);
            for (int at = 0; at + 30 + nameBytes.Length <= zip.Length; at++)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)) == 0x04034b50
                    && BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 26)) == nameBytes.Length
                    && zip.AsSpan(at + 30, nameBytes.Length).SequenceEqual(nameBytes))
                {
                    return at;
                }
            }

            throw new InvalidOperationException($"no local header for {name}");
        }
    }
}
