using System.Linq;
using NetGen.Runtime.Tests.StateDict;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// Models that step outside NetGen's own layers and forward (an LSTM, a hand-written wrapper, a learnable
/// class token, hand-written forwards) save and load like any other: every registered tensor is in the state
/// map, and a fresh model that loads the file computes the same outputs.
/// </summary>
public sealed class OpenWorldRoundTripTests
{
    [Theory]
    [MemberData(nameof(OpenWorldModels.Names), MemberType = typeof(OpenWorldModels))]
    public void The_state_map_lists_exactly_what_the_module_registers(string name)
    {
        using var model = OpenWorldModels.Create(name);

        var schema = ((IStateSchema)model).StateSchema.Select(e => e.Key).ToList();
        var registered = model.named_parameters().Select(p => p.name).Concat(model.named_buffers().Select(b => b.name)).ToHashSet();

        Assert.Equal(registered.OrderBy(k => k), schema.OrderBy(k => k));
        Assert.Equal(schema.Count, schema.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(OpenWorldModels.Names), MemberType = typeof(OpenWorldModels))]
    public void Save_then_load_gives_equal_outputs_in_pt_and_safetensors(string name)
    {
        using var directory = new TempDirectory();
        manual_seed(11);
        using var original = OpenWorldModels.Create(name);
        original.eval();
        using var input = OpenWorldModels.Input(name);
        using var expected = original.call(input);

        foreach (var file in new[] { "model.pt", "model.safetensors" })
        {
            original.SaveCheckpoint(directory.File(file));
            manual_seed(12);
            using var loaded = OpenWorldModels.Create(name);
            loaded.eval();
            var report = loaded.LoadCheckpoint(directory.File(file));
            using var actual = loaded.call(input);

            Assert.True(report.IsComplete, report.ToString());
            Assert.Equal(((IStateSchema)original).StateSchema.Count, report.Loaded.Count);
            Assert.True(actual.allclose(expected, rtol: 0, atol: 0), $"{name} from {file}: outputs differ by {(actual - expected).abs().max().item<float>()}");
        }
    }
}
