using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>Corrupt and hostile files: each gets <see cref="CheckpointFormatException"/> naming the file and the problem.</summary>
    public sealed class HostileFileTests
    {
        [Fact]
        public void A_valid_crafted_pickle_is_read_so_the_rejections_below_are_about_the_flaw()
        {
            var pickle = new PickleBytes().Op('}').Op('(').Str("w").FloatTensor("0", 4, 0, [2, 2], [2, 1]).Op('u').Stop();

            using var reader = Open(PickleBytes.Zip(pickle, ("0", Floats(1, 2, 3, 4))), CheckpointFormat.PyTorch);
            using var w = reader.ReadTensor("w");

            Assert.Equal(new float[] { 1, 2, 3, 4 }, w.data<float>().ToArray());
        }

        [Fact]
        public void A_pickle_naming_os_system_is_rejected_before_anything_runs()
        {
            string marker = Path.Combine(Path.GetTempPath(), "netgen-pwned-" + Guid.NewGuid().ToString("N"));
            var pickle = new PickleBytes().Global("posix", "system").Op('(').Str("touch " + marker).Op('t').Op('R').Stop();

            var error = Assert.Throws<CheckpointFormatException>(() => Open(PickleBytes.Zip(pickle), CheckpointFormat.PyTorch).Dispose());

            Assert.Contains("'posix.system'", error.Message);
            Assert.Contains("hostile.pt", error.Message);
            Assert.False(File.Exists(marker));
        }

        [SkippableFact]
        public void A_torch_save_of_an_object_whose_reduce_is_os_system_is_rejected_and_nothing_runs()
        {
            PythonTorch.SkipIfUnavailable();
            using var directory = new TempDirectory();
            string marker = directory.File("pwned");
            PythonTorch.Run("make-malicious", directory.File("malicious.pt"), marker);

            var error = Assert.Throws<CheckpointFormatException>(() => Checkpoint.Open(directory.File("malicious.pt")).Dispose());
            using var model = new LinearBn();
            Assert.Throws<CheckpointFormatException>(() => model.LoadCheckpoint(directory.File("malicious.pt")));

            Assert.Contains("posix.system", error.Message);
            Assert.Contains("malicious.pt", error.Message);
            Assert.False(File.Exists(marker));
        }

        [Fact]
        public void Any_global_outside_the_allow_list_is_rejected_even_a_harmless_one()
        {
            var pickle = new PickleBytes().Global("builtins", "dict").Op(')').Op('R').Stop();

            var error = Assert.Throws<CheckpointFormatException>(() => Open(PickleBytes.Zip(pickle), CheckpointFormat.PyTorch).Dispose());

            Assert.Contains("'builtins.dict'", error.Message);
        }

        [Fact]
        public void A_storage_claiming_more_elements_than_its_record_holds_is_rejected()
        {
            var pickle = new PickleBytes().Op('}').Op('(').Str("w").FloatTensor("0", 1_000_000_000, 0, [1_000_000_000], [1]).Op('u').Stop();

            var error = Assert.Throws<CheckpointFormatException>(() => Open(PickleBytes.Zip(pickle, ("0", Floats(1, 2))), CheckpointFormat.PyTorch).Dispose());

            Assert.Contains("claims 1000000000 FloatStorage elements but its record holds 8 bytes", error.Message);
        }

        [Theory]
        [InlineData(3, new[] { 2 }, new[] { 1 })]
        [InlineData(0, new[] { 2, 2 }, new[] { 3, 1 })]
        [InlineData(0, new[] { 2, 2 }, new[] { int.MaxValue, int.MaxValue })]
        public void A_tensor_view_reaching_past_its_storage_is_rejected(int offset, int[] size, int[] stride)
        {
            var pickle = new PickleBytes().Op('}').Op('(').Str("w").FloatTensor("0", 4, offset, size, stride).Op('u').Stop();

            var error = Assert.Throws<CheckpointFormatException>(() => Open(PickleBytes.Zip(pickle, ("0", Floats(1, 2, 3, 4))), CheckpointFormat.PyTorch).Dispose());

            Assert.Contains("reaches past the 4 elements of storage '0'", error.Message);
        }

        [Fact]
        public void A_truncated_zip_is_rejected()
        {
            byte[] whole = SavedBytes(CheckpointFormat.PyTorch);

            foreach (int length in new[] { 3, 100, whole.Length / 2, whole.Length - 10 })
            {
                Assert.Throws<CheckpointFormatException>(() => ReadEverything(whole.AsSpan(0, length).ToArray(), CheckpointFormat.PyTorch));
            }
        }

        [Fact]
        public void Wrong_magic_is_rejected_in_every_format()
        {
            byte[] text = Encoding.ASCII.GetBytes("this is not a checkpoint at all, just some text\n");

            var pt = Assert.Throws<CheckpointFormatException>(() => ReadEverything(text, CheckpointFormat.PyTorch));
            Assert.Throws<CheckpointFormatException>(() => ReadEverything(text, CheckpointFormat.Safetensors));
            Assert.Throws<CheckpointFormatException>(() => ReadEverything(text, CheckpointFormat.TorchSharp));

            Assert.Contains("zip magic", pt.Message);
        }

        [Fact]
        public void A_safetensors_header_claiming_a_huge_size_or_offsets_past_the_end_is_rejected()
        {
            byte[] huge = new byte[16];
            BinaryPrimitives.WriteUInt64LittleEndian(huge, ulong.MaxValue);
            byte[] pastEnd = Safetensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[1000000000],\"data_offsets\":[0,4000000000]}}", 8);
            byte[] overlap = Safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12);

            Assert.Contains("header size", Assert.Throws<CheckpointFormatException>(() => ReadEverything(huge, CheckpointFormat.Safetensors)).Message);
            Assert.Contains("outside", Assert.Throws<CheckpointFormatException>(() => ReadEverything(pastEnd, CheckpointFormat.Safetensors)).Message);
            Assert.Contains("overlaps", Assert.Throws<CheckpointFormatException>(() => ReadEverything(overlap, CheckpointFormat.Safetensors)).Message);
        }

        [Fact]
        public void A_TorchSharp_file_claiming_a_huge_tensor_is_rejected_without_allocating_it()
        {
            var overflowing = new MemoryStream();
            overflowing.Write([1, 1, (byte)'w', 6, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0, 0, 0, 0]);
            var huge = new MemoryStream();
            huge.Write([1, 1, (byte)'w', 6, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0, 0, 0, 0]);

            var overflow = Assert.Throws<CheckpointFormatException>(() => ReadEverything(overflowing.ToArray(), CheckpointFormat.TorchSharp));
            var tooBig = Assert.Throws<CheckpointFormatException>(() => ReadEverything(huge.ToArray(), CheckpointFormat.TorchSharp));

            Assert.Contains("multiply past int64", overflow.Message);
            Assert.Contains("needs more data than the 4 bytes left", tooBig.Message);
            Assert.Equal("w", tooBig.Key);
        }

        internal static byte[] SavedBytes(CheckpointFormat format)
        {
            manual_seed(7);
            using var model = new SeedNet();
            var stream = new MemoryStream();
            Checkpoint.Write(stream, model.OrderedStateDict(), format);
            return stream.ToArray();
        }

        internal static void ReadEverything(byte[] bytes, CheckpointFormat format)
        {
            using var reader = Checkpoint.Open(new MemoryStream(bytes), format, "fuzzed");
            foreach (var tensor in reader.ReadAll().Values)
            {
                tensor.Dispose();
            }
        }

        private static CheckpointReader Open(byte[] bytes, CheckpointFormat format) =>
            Checkpoint.Open(new MemoryStream(bytes), format, "hostile.pt");

        private static byte[] Floats(params float[] values)
        {
            var bytes = new byte[values.Length * 4];
            for (int i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
            }

            return bytes;
        }

        private static byte[] Safetensors(string header, int dataBytes)
        {
            byte[] json = Encoding.UTF8.GetBytes(header);
            var bytes = new byte[8 + json.Length + dataBytes];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
            json.CopyTo(bytes, 8);
            return bytes;
        }
    }
}
