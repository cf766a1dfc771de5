using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>The seed's transfer flow: save Net with 101 classes, build Net with 10, copy what fits.</summary>
    public sealed class TransferTests
    {
        [Fact]
        public void A_101_class_checkpoint_transfers_into_a_10_class_net_backbone_bit_for_bit_head_reported()
        {
            using var directory = new TempDirectory();
            manual_seed(21);
            using var pretrained = new SeedNet(classes: 101);
            pretrained.SaveCheckpoint(directory.File("net101.pt"));
            using var finetune = new SeedNet(classes: 10);
            var headBefore = finetune.fc3.weight!.detach().clone();

            var report = finetune.TransferFrom(directory.File("net101.pt"));

            Assert.Equal(
                [new ShapeMismatch("fc3.weight", [10, 16], [101, 16]), new ShapeMismatch("fc3.bias", [10], [101])],
                report.ShapeMismatched);
            Assert.Equal(["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], report.Loaded);
            Assert.Empty(report.Missing);
            Assert.Empty(report.Unexpected);
            foreach (string key in report.Loaded)
            {
                Assert.Equal(Bytes(pretrained, key), Bytes(finetune, key));
            }

            Assert.True(finetune.fc3.weight.Equals(headBefore));
            Assert.Contains("Shape mismatch (2):\n  fc3.weight: model [10, 16], checkpoint [101, 16]", report.ToString());
        }

        [Fact]
        public void A_typed_filter_copies_everything_except_the_head_or_only_chosen_members()
        {
            manual_seed(22);
            using var pretrained = new SeedNet(classes: 101);
            using var exceptHead = new SeedNet(classes: 10);
            using var onlyConvs = new SeedNet(classes: 10);

            var withoutHead = exceptHead.TransferFrom(pretrained, StateKeyFilter.Except(exceptHead, exceptHead.fc3));
            var convs = onlyConvs.TransferFrom(pretrained, StateKeyFilter.Only(onlyConvs, onlyConvs.conv1, onlyConvs.conv2));

            Assert.Empty(withoutHead.ShapeMismatched);
            Assert.Equal(["fc3.weight", "fc3.bias"], withoutHead.Skipped);
            Assert.Equal(8, withoutHead.Loaded.Count);
            Assert.Equal(["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias"], convs.Loaded);
            Assert.Equal(6, convs.Skipped.Count);
            Assert.Equal("all except fc3", StateKeyFilter.Except(exceptHead, exceptHead.fc3).ToString());
        }

        [Fact]
        public void A_path_filter_matches_whole_members_only()
        {
            var filter = StateKeyFilter.Only("layer1", "fc");

            Assert.True(filter.Includes("layer1.0.left.0.weight"));
            Assert.True(filter.Includes("fc.bias"));
            Assert.False(filter.Includes("layer10.weight"));
            Assert.False(filter.Includes("fc3.weight"));
        }

        private static byte[] Bytes(nn.Module module, string key) =>
            module.OrderedStateDict().Single(kv => kv.Key == key).Value.bytes.ToArray();
    }
}
