using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    public sealed class LoadReportTests
    {
        [Fact]
        public void Report_lists_missing_unexpected_and_shape_mismatched_entries_by_name()
        {
            using var model = new LinearBn(4, 3);
            var source = new Dictionary<string, Tensor>
            {
                ["fc.weight"] = ones(3, 4),
                ["fc.bias"] = ones(5),
                ["bn.weight"] = ones(3),
                ["extra.weight"] = ones(2, 2),
            };

            var report = model.LoadState(source, LoadOptions.Transfer);

            Assert.Equal(["fc.weight", "bn.weight"], report.Loaded);
            Assert.Equal(["bn.bias", "bn.running_mean", "bn.running_var", "bn.num_batches_tracked"], report.Missing.Select(e => e.Key));
            Assert.Equal(StateEntryKind.Buffer, report.Missing[1].Kind);
            Assert.Equal(new CheckpointEntry("extra.weight", ScalarType.Float32, [2, 2]), Assert.Single(report.Unexpected));
            Assert.Equal(new ShapeMismatch("fc.bias", [3], [5]), Assert.Single(report.ShapeMismatched));
            Assert.False(report.IsComplete);
            Assert.Equal(1f, model.fc.weight!.sum().item<float>() / 12f);
        }

        [Fact]
        public void TorchSharp_load_state_dict_silently_broadcasts_a_1x4_tensor_into_a_3x4_weight()
        {
            using var model = new LinearBn(4, 3);
            var source = Fixtures.SnapshotState(model);
            source["fc.weight"] = tensor(new float[] { 1, 2, 3, 4 }).reshape(1, 4);

            model.load_state_dict(source);

            Assert.Equal([3L, 4L], model.fc.weight!.shape);
            Assert.Equal(new float[] { 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4 }, model.fc.weight.data<float>().ToArray());
        }

        [Fact]
        public void NetGen_refuses_to_broadcast_a_1x4_tensor_into_a_3x4_weight()
        {
            using var model = new LinearBn(4, 3);
            var before = model.fc.weight!.detach().clone();
            var source = Fixtures.SnapshotState(model);
            source["fc.weight"] = tensor(new float[] { 1, 2, 3, 4 }).reshape(1, 4);

            var strict = Assert.Throws<StateDictMismatchException>(() => model.LoadState(source));
            var nonStrict = Assert.Throws<StateDictMismatchException>(() => model.LoadState(source, LoadOptions.NonStrict));
            var transfer = model.LoadState(source, LoadOptions.Transfer);

            Assert.Contains("fc.weight: model [3, 4], checkpoint [1, 4]", strict.Message);
            Assert.Equal(new ShapeMismatch("fc.weight", [3, 4], [1, 4]), Assert.Single(nonStrict.Report.ShapeMismatched));
            Assert.Equal(new ShapeMismatch("fc.weight", [3, 4], [1, 4]), Assert.Single(transfer.ShapeMismatched));
            Assert.DoesNotContain("fc.weight", transfer.Loaded);
            Assert.True(model.fc.weight.Equals(before));
        }

        [Fact]
        public void Strict_mode_message_names_every_offending_key_with_its_shape()
        {
            using var model = new LinearBn(4, 3);
            var source = Fixtures.SnapshotState(model);
            source.Remove("bn.running_var");
            source["fc.bias"] = zeros(7);
            source["head.weight"] = zeros(2, 9);

            var error = Assert.Throws<StateDictMismatchException>(() => model.LoadState(source));

            Assert.Contains("Missing from the checkpoint (1):\n  bn.running_var [3]", error.Message);
            Assert.Contains("Not in the model (1):\n  head.weight [2, 9]", error.Message);
            Assert.Contains("Shape mismatch (1):\n  fc.bias: model [3], checkpoint [7]", error.Message);
            Assert.Contains("nothing was loaded", error.Message);
        }

        [Fact]
        public void A_refused_strict_load_copies_nothing()
        {
            using var model = new LinearBn(4, 3);
            var before = Fixtures.SnapshotState(model);
            var source = Fixtures.SnapshotState(model).ToDictionary(kv => kv.Key, kv => kv.Value.add(1));
            source["unknown"] = zeros(1);

            Assert.Throws<StateDictMismatchException>(() => model.LoadState(source));

            foreach (var (key, tensor) in model.OrderedStateDict())
            {
                Assert.True(tensor.Equals(before[key]), key);
            }
        }

        [Fact]
        public void Loading_copies_in_place_so_parameters_keep_their_identity_and_grad_flag()
        {
            using var model = new LinearBn(4, 3);
            var weight = model.fc.weight!;
            var source = Fixtures.SnapshotState(model);
            source["fc.weight"] = full(3, 4, 0.5f);

            var report = model.LoadState(source);

            Assert.True(report.IsComplete);
            Assert.Same(weight, model.fc.weight);
            Assert.True(weight.requires_grad);
            Assert.Equal(0.5f, weight.mean().item<float>());
        }

        [Fact]
        public void A_dtype_mismatch_is_cast_like_PyTorch_copy_and_reported()
        {
            using var model = new LinearBn(4, 3);
            var source = Fixtures.SnapshotState(model);
            source["fc.weight"] = full(3, 4, 0.25, ScalarType.Float64);

            var report = model.LoadState(source);

            Assert.Equal(new DTypeConversion("fc.weight", ScalarType.Float64, ScalarType.Float32), Assert.Single(report.Converted));
            Assert.Equal(ScalarType.Float32, model.fc.weight!.dtype);
            Assert.Equal(0.25f, model.fc.weight.mean().item<float>());
        }

        [Fact]
        public void State_entries_compare_shapes_by_value()
        {
            var a = new StateEntry("fc.weight", [3, 4], ScalarType.Float32, StateEntryKind.Parameter);
            var b = new StateEntry("fc.weight", new long[] { 3, 4 }, ScalarType.Float32, StateEntryKind.Parameter);
            var c = a with { Shape = [4, 3] };

            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.NotEqual(a, c);
            Assert.Equal("fc.weight [3, 4] Float32 Parameter", a.ToString());
        }

        [Fact]
        public void Entries_follow_PyTorch_state_dict_order_not_TorchSharp_order()
        {
            using var model = StateTree.FromManifest(Fixtures.PyTorch("resnet34_narrow.manifest.json"));
            using var manifest = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(Fixtures.PyTorch("resnet34_narrow.manifest.json")));
            var pytorchOrder = manifest.RootElement.GetProperty("entries").EnumerateArray().Select(e => e[0].GetString()!).ToList();

            var keys = model.DescribeState().Select(e => e.Key).ToList();

            Assert.Equal(pytorchOrder, keys);
            Assert.Equal(StateEntryKind.Buffer, model.DescribeState().Single(e => e.Key == "pre.1.running_var").Kind);
            Assert.NotEqual(keys, model.state_dict().Keys);
        }

        [Fact]
        public void A_module_implementing_IStateSchema_is_described_by_its_schema()
        {
            using var model = new SchemaModel(correct: true);
            using var wrong = new SchemaModel(correct: false);

            Assert.Equal(SchemaModel.Schema(true), model.DescribeState());
            var error = Assert.Throws<InvalidOperationException>(() => wrong.DescribeState());
            Assert.Contains("'fc.weight' is [4, 3]", error.Message);
        }

        private sealed class SchemaModel : nn.Module<Tensor, Tensor>, IStateSchema
        {
            private readonly bool _correct;

            public SchemaModel(bool correct) : base(nameof(SchemaModel))
            {
                _correct = correct;
                register_module("fc", nn.Linear(4, 3));
            }

            public IReadOnlyList<StateEntry> StateSchema => Schema(_correct);

            public static IReadOnlyList<StateEntry> Schema(bool correct) =>
            [
                new("fc.weight", correct ? [3, 4] : [4, 3], ScalarType.Float32, StateEntryKind.Parameter),
                new("fc.bias", [3], ScalarType.Float32, StateEntryKind.Parameter),
            ];

            public override Tensor forward(Tensor x) => x;
        }
    }
}
