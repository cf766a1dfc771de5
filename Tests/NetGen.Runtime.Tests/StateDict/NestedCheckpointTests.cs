using System;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// Issue 15, item 14: a training checkpoint <c>{'model_state_dict': sd, 'epoch': 3}</c> used to read as 0 entries.
    /// The state dict nested under model_state_dict, state_dict or model is unwrapped and the report says so; a dict
    /// without tensors under none of those keys is refused with the keys it holds.
    /// </summary>
    public sealed class NestedCheckpointTests
    {
        [SkippableTheory]
        [InlineData("model_state_dict")]
        [InlineData("state_dict")]
        [InlineData("model")]
        public void A_PyTorch_training_checkpoint_loads_the_state_dict_it_nests_and_the_report_says_where(string layout)
        {
            PythonTorch.SkipIfUnavailable();
            using var directory = new TempDirectory();
            PythonTorch.Run("make-nested", directory.File("checkpoint.pt"), layout, directory.File("expected.json"));
            var expected = PythonTorch.ReadExpected(directory.File("expected.json"));
            using var model = new LinearBn();

            var report = model.LoadCheckpoint(directory.File("checkpoint.pt"));

            Assert.True(report.IsComplete, report.ToString());
            Assert.Equal(layout, report.NestedUnder);
            Assert.Equal(["optimizer_state_dict", "epoch", "loss"], report.IgnoredItems);
            Assert.Contains($"Note: the state dict was read from '{layout}' inside the checkpoint.", report.ToString());
            Assert.Contains("'optimizer_state_dict', 'epoch', 'loss'", report.ToString());
            var state = model.OrderedStateDict().ToDictionary(kv => kv.Key, kv => kv.Value);
            Assert.All(expected, item => Assert.True(item.Value.Equals(state[item.Key]), item.Key));
        }

        [SkippableFact]
        public void A_training_checkpoint_nesting_its_state_dict_under_another_key_is_refused_naming_the_keys_it_holds()
        {
            PythonTorch.SkipIfUnavailable();
            using var directory = new TempDirectory();
            PythonTorch.Run("make-nested", directory.File("checkpoint.pt"), "net", directory.File("expected.json"));
            using var model = new LinearBn();
            var before = Fixtures.SnapshotState(model);

            var error = Assert.Throws<CheckpointFormatException>(() => model.LoadCheckpoint(directory.File("checkpoint.pt"), LoadOptions.NonStrict));

            Assert.Contains("'net', 'optimizer_state_dict', 'epoch', 'loss'", error.Message);
            Assert.Contains("'model_state_dict', 'state_dict', 'model'", error.Message);
            Assert.Contains("checkpoint.pt", error.Message);
            Assert.All(model.OrderedStateDict(), kv => Assert.True(kv.Value.Equals(before[kv.Key]), kv.Key));
        }

        [Fact]
        public void A_crafted_checkpoint_with_a_nested_state_dict_reads_its_entries_and_ignores_the_rest()
        {
            var pickle = new PickleBytes().Op('}').Op('(')
                .Str("epoch").Int(3)
                .Str("state_dict").Op('}').Op('(').Str("w").FloatTensor("0", 2, 0, [2], [1]).Op('u')
                .Str("optimizer").Op('}').Op('(').Str("momentum").FloatTensor("1", 2, 0, [2], [1]).Op('u')
                .Op('u').Stop();
            byte[] file = PickleBytes.Zip(pickle, ("0", StridedViewTests.Floats(1, 2)), ("1", StridedViewTests.Floats(3, 4)));

            using var reader = Checkpoint.Open(new MemoryStream(file), CheckpointFormat.PyTorch, "nested.pt");
            using var w = reader.ReadTensor("w");

            Assert.Equal("w", Assert.Single(reader.Entries).Key);
            Assert.Equal("state_dict", reader.NestedUnder);
            Assert.Equal(["epoch", "optimizer"], reader.IgnoredItems);
            Assert.Equal(new float[] { 1, 2 }, w.data<float>().ToArray());
        }

        [Fact]
        public void A_flat_state_dict_is_read_as_before_and_its_non_tensor_items_are_named()
        {
            var pickle = new PickleBytes().Op('}').Op('(').Str("w").FloatTensor("0", 2, 0, [2], [1]).Str("epoch").Int(3).Op('u').Stop();

            using var reader = Checkpoint.Open(new MemoryStream(PickleBytes.Zip(pickle, ("0", StridedViewTests.Floats(1, 2)))), CheckpointFormat.PyTorch);

            Assert.Null(reader.NestedUnder);
            Assert.Equal("w", Assert.Single(reader.Entries).Key);
            Assert.Equal(["epoch"], reader.IgnoredItems);
        }

        [Fact]
        public void Two_dicts_a_state_dict_could_be_nested_under_are_refused_as_ambiguous()
        {
            var pickle = new PickleBytes().Op('}').Op('(')
                .Str("model").Op('}').Op('(').Str("w").FloatTensor("0", 2, 0, [2], [1]).Op('u')
                .Str("state_dict").Op('}').Op('(').Str("w").FloatTensor("0", 2, 0, [2], [1]).Op('u')
                .Op('u').Stop();

            var error = Assert.Throws<CheckpointFormatException>(() =>
                Checkpoint.Open(new MemoryStream(PickleBytes.Zip(pickle, ("0", StridedViewTests.Floats(1, 2)))), CheckpointFormat.PyTorch));

            Assert.Contains("several dicts a state dict could be nested under ('model', 'state_dict')", error.Message);
        }

        [Fact]
        public void An_empty_state_dict_is_still_a_state_dict_with_no_entries()
        {
            using var reader = Checkpoint.Open(new MemoryStream(PickleBytes.Zip(new PickleBytes().Op('}').Stop())), CheckpointFormat.PyTorch);

            Assert.Empty(reader.Entries);
            Assert.Null(reader.NestedUnder);
        }
    }
}
