using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    public sealed class FormatRoundTripTests
    {
        public static TheoryData<string> Extensions => new() { ".pt", ".pth", ".bin", ".safetensors", ".dat" };

        [Theory]
        [MemberData(nameof(Extensions))]
        public void A_saved_model_loads_back_bit_for_bit_in_each_format(string extension)
        {
            using var directory = new TempDirectory();
            string path = directory.File("model" + extension);
            manual_seed(1);
            using var saved = new SeedNet();
            using var loaded = new SeedNet();

            saved.SaveCheckpoint(path);
            var report = loaded.LoadCheckpoint(path);

            Assert.True(report.IsComplete, report.ToString());
            Assert.Equal(saved.DescribeState().Select(e => e.Key), report.Loaded);
            AssertSameState(saved, loaded);
        }

        [Fact]
        public void Every_supported_dtype_and_a_0d_tensor_round_trip_through_every_format()
        {
            using var directory = new TempDirectory();
            var tensors = new Dictionary<string, Tensor>
            {
                ["f32"] = randn(2, 3),
                ["f64"] = randn(4, dtype: ScalarType.Float64),
                ["f16"] = randn(5).to(ScalarType.Float16),
                ["bf16"] = randn(5).to(ScalarType.BFloat16),
                ["i64"] = tensor(42L),
                ["i32"] = arange(6, dtype: ScalarType.Int32).reshape(2, 3),
                ["i16"] = arange(3, dtype: ScalarType.Int16),
                ["i8"] = tensor(new sbyte[] { -1, 2 }),
                ["u8"] = tensor(new byte[] { 0, 255 }),
                ["bool"] = tensor(new[] { true, false, true }),
                ["empty"] = zeros(0, 3),
            };

            foreach (var format in Enum.GetValues<CheckpointFormat>())
            {
                string path = directory.File("all." + format);
                Checkpoint.Write(path, tensors, format);
                var back = Checkpoint.ReadAll(path, format);

                Assert.Equal(tensors.Keys, back.Keys);
                foreach (var (key, expected) in tensors)
                {
                    Assert.Equal(expected.dtype, back[key].dtype);
                    Assert.Equal(expected.shape, back[key].shape);
                    Assert.True(expected.Equals(back[key]), $"{format} {key}");
                }
            }
        }

        [Fact]
        public void The_format_follows_the_extension_unless_given_explicitly()
        {
            Assert.Equal(CheckpointFormat.PyTorch, CheckpointFormats.FromPath("a/b.PTH"));
            Assert.Equal(CheckpointFormat.Safetensors, CheckpointFormats.FromPath("model.safetensors"));
            Assert.Equal(CheckpointFormat.TorchSharp, CheckpointFormats.FromPath("weights.dat"));
            Assert.Throws<ArgumentException>(() => CheckpointFormats.FromPath("weights.ckpt"));

            using var directory = new TempDirectory();
            using var model = new LinearBn();
            string path = directory.File("weights.ckpt");
            model.SaveCheckpoint(path, CheckpointFormat.Safetensors);
            using var reader = Checkpoint.Open(path, CheckpointFormat.Safetensors);
            Assert.Equal(7, reader.Entries.Count);
            Assert.Throws<CheckpointFormatException>(() => Checkpoint.Open(path, CheckpointFormat.PyTorch).Dispose());
        }

        [Fact]
        public void TorchSharp_Module_load_reads_a_NetGen_dat_and_NetGen_reads_a_TorchSharp_save()
        {
            using var directory = new TempDirectory();
            manual_seed(2);
            using var original = new LinearBn();
            using var viaTorchSharp = new LinearBn();
            using var viaNetGen = new LinearBn();

            original.SaveCheckpoint(directory.File("netgen.dat"));
            viaTorchSharp.load(directory.File("netgen.dat"));
            original.save(directory.File("torchsharp.dat"));
            var report = viaNetGen.LoadCheckpoint(directory.File("torchsharp.dat"));

            Assert.True(report.IsComplete, report.ToString());
            AssertSameState(original, viaTorchSharp);
            AssertSameState(original, viaNetGen);
        }

        [Fact]
        public void A_checkpoint_loads_into_a_model_whose_tensors_are_not_contiguous_CPU_float32()
        {
            using var directory = new TempDirectory();
            using var saved = new LinearBn();
            using var loaded = new LinearBn();
            loaded.to(ScalarType.Float64);
            saved.SaveCheckpoint(directory.File("m.pt"));

            var report = loaded.LoadCheckpoint(directory.File("m.pt"));

            Assert.Contains(new DTypeConversion("fc.weight", ScalarType.Float32, ScalarType.Float64), report.Converted);
            Assert.True(saved.fc.weight!.to(ScalarType.Float64).Equals(loaded.fc.weight!));
        }

        internal static void AssertSameState(nn.Module expected, nn.Module actual)
        {
            var actualState = actual.OrderedStateDict().ToDictionary(kv => kv.Key, kv => kv.Value);
            foreach (var (key, tensor) in expected.OrderedStateDict())
            {
                Assert.True(tensor.Equals(actualState[key]), key);
            }
        }
    }
}
