using System.Linq;
using NetGen.Samples;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>The state-dict runtime against the generated seed models (Samples/NetGen.SeedModels).</summary>
    public sealed class GeneratedSeedModelTests
    {
        private const int Flat32 = 64 * 6 * 6;

        [Fact]
        public void The_seed_transfer_flow_on_the_generated_Net_copies_the_backbone_and_reports_the_head()
        {
            using var directory = new TempDirectory();
            manual_seed(41);
            using var pretrained = new Net(Flat32, numClasses: 101);
            pretrained.SaveCheckpoint(directory.File("net101.pt"));
            using var finetune = new Net(Flat32, numClasses: 10);

            var report = finetune.TransferFrom(directory.File("net101.pt"));
            var filtered = finetune.TransferFrom(pretrained, StateKeyFilter.Except(finetune, finetune.fc3));

            Assert.Equal(["fc3.weight", "fc3.bias"], report.ShapeMismatched.Select(m => m.Key));
            Assert.Equal(8, report.Loaded.Count);
            foreach (string key in report.Loaded)
            {
                Assert.Equal(Bytes(pretrained, key), Bytes(finetune, key));
            }

            Assert.Empty(filtered.ShapeMismatched);
            Assert.Equal(["fc3.weight", "fc3.bias"], filtered.Skipped);
        }

        [Fact]
        public void The_PyTorch_net32_checkpoint_loads_into_the_generated_Net_and_reproduces_PyTorch_output()
        {
            using var model = new Net(Flat32, numClasses: 10);
            model.eval();

            var report = model.LoadCheckpoint(Fixtures.PyTorch("net32.pt"));
            var io = Checkpoint.ReadAll(Fixtures.PyTorch("net32.io.pt"));
            using var noGrad = no_grad();
            using var output = model.forward(io["x"]);

            Assert.True(report.IsComplete, report.ToString());
            var maxDiff = (output - io["y"]).abs().max().item<float>();
            Assert.True(maxDiff <= 1e-5, $"max abs diff {maxDiff}");
        }

        [Fact]
        public void The_PyTorch_resnet34_narrow_checkpoint_loads_into_the_generated_ResNet34_and_reproduces_PyTorch_output()
        {
            using var model = new ResNet34(10, 8, 8, 16, 32, 32);
            model.eval();

            var report = model.LoadCheckpoint(Fixtures.PyTorch("resnet34_narrow.pt"));
            var io = Checkpoint.ReadAll(Fixtures.PyTorch("resnet34_narrow.io.pt"));
            using var noGrad = no_grad();
            using var output = model.forward(io["x"]);

            Assert.True(report.IsComplete, report.ToString());
            Assert.Equal(224, report.Loaded.Count);
            var maxDiff = (output - io["y"]).abs().max().item<float>();
            Assert.True(maxDiff <= 1e-5, $"max abs diff {maxDiff}");
        }

        [Fact]
        public void Fine_tuning_the_generated_ResNet34_freezes_early_stages_and_gives_the_head_its_own_rate()
        {
            manual_seed(42);
            using var model = new ResNet34(10, 8, 8, 16, 32, 32);
            model.pre.Freeze();
            model.layer1.Freeze();

            var groups = ParameterGroups.For(model).Add(model.fc, 1e-2).Add(model.layer4, 1e-3).Rest(1e-4);

            Assert.Equal(["fc", "layer4", "rest"], groups.Select(g => g.Name));
            Assert.True(model.layer1.IsFrozen());
            Assert.False(model.layer2.IsFrozen());
            Assert.Equal(model.parameters().Count(), groups.Sum(g => g.Parameters.Count));
        }

        private static byte[] Bytes(nn.Module module, string key) =>
            module.OrderedStateDict().Single(kv => kv.Key == key).Value.bytes.ToArray();
    }
}
