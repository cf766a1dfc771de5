using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>Round trips through real PyTorch and the checkpoints PyTorch wrote into Fixtures/pytorch.</summary>
    public sealed class PyTorchInteropTests
    {
        [SkippableFact]
        public void A_pt_file_written_by_NetGen_loads_in_PyTorch_with_equal_tensors()
        {
            PythonTorch.SkipIfUnavailable();
            using var directory = new TempDirectory();
            manual_seed(3);
            using var model = new SeedNet();
            var extra = new Dictionary<string, Tensor>(model.OrderedStateDict())
            {
                ["dtypes.f64"] = randn(3, dtype: ScalarType.Float64),
                ["dtypes.bf16"] = randn(3).to(ScalarType.BFloat16),
                ["dtypes.i64"] = tensor(7L),
                ["dtypes.bool"] = tensor(new[] { true, false }),
                ["dtypes.empty"] = zeros(0, 2),
            };

            Checkpoint.Write(directory.File("netgen.pt"), extra);
            PythonTorch.WriteExpected(directory.File("expected.json"), extra);

            Assert.Equal($"OK {extra.Count}", PythonTorch.Run("check-pt", directory.File("netgen.pt"), directory.File("expected.json")));
        }

        [SkippableFact]
        public void A_safetensors_file_written_by_NetGen_loads_in_PyTorch_with_equal_tensors()
        {
            PythonTorch.SkipIfUnavailable();
            using var directory = new TempDirectory();
            manual_seed(4);
            using var model = new LinearBn();
            var state = new Dictionary<string, Tensor>(model.OrderedStateDict()) { ["half"] = randn(2, 2).to(ScalarType.Float16) };

            Checkpoint.Write(directory.File("netgen.safetensors"), state);
            PythonTorch.WriteExpected(directory.File("expected.json"), state);

            Assert.Equal($"OK {state.Count}", PythonTorch.Run("check-safetensors", directory.File("netgen.safetensors"), directory.File("expected.json")));
        }

        [Fact]
        public void The_PyTorch_net32_checkpoint_loads_and_reproduces_PyTorch_output()
        {
            using var model = new SeedNet(input: 32, c1: 32, c2: 64, hidden1: 256, hidden2: 128, classes: 10);
            model.eval();

            var report = model.LoadCheckpoint(Fixtures.PyTorch("net32.pt"));
            var io = Checkpoint.ReadAll(Fixtures.PyTorch("net32.io.pt"));
            using var noGrad = no_grad();
            using var output = model.forward(io["x"]);

            Assert.True(report.IsComplete, report.ToString());
            Assert.Equal(10, report.Loaded.Count);
            Assert.True(output.allclose(io["y"], rtol: 1e-4, atol: 1e-5), $"max diff {(output - io["y"]).abs().max().item<float>()}");
        }

        [Fact]
        public void The_PyTorch_resnet34_narrow_checkpoint_loads_every_entry_in_manifest_order()
        {
            using var model = StateTree.FromManifest(Fixtures.PyTorch("resnet34_narrow.manifest.json"));
            using var reader = Checkpoint.Open(Fixtures.PyTorch("resnet34_narrow.pt"));

            var report = model.LoadState(reader);

            Assert.True(report.IsComplete, report.ToString());
            Assert.Equal(224, report.Loaded.Count);
            Assert.Equal(reader.Entries.Select(e => e.Key), report.Loaded);
            Assert.Equal(ScalarType.Int64, reader.Find("pre.1.num_batches_tracked")!.DType);
            Assert.Empty(reader.Find("pre.1.num_batches_tracked")!.Shape);
        }

        [SkippableFact]
        public void The_resnet34_narrow_checkpoint_resaved_by_NetGen_equals_the_original_in_PyTorch()
        {
            PythonTorch.SkipIfUnavailable();
            using var directory = new TempDirectory();
            using var model = StateTree.FromManifest(Fixtures.PyTorch("resnet34_narrow.manifest.json"));
            model.LoadCheckpoint(Fixtures.PyTorch("resnet34_narrow.pt"));

            model.SaveCheckpoint(directory.File("resaved.pt"));

            Assert.Equal("OK 224", PythonTorch.Run("equal-pt", directory.File("resaved.pt"), Fixtures.PyTorch("resnet34_narrow.pt")));
        }
    }
}
