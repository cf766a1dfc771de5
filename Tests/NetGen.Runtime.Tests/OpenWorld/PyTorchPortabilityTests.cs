using System.Collections.Generic;
using System.Linq;
using NetGen.Runtime.Tests.StateDict;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// The open-world models are PyTorch models: what NetGen saves, in .pt and in safetensors, real PyTorch loads
/// into each model's twin (tools/fixtures/open_world_models.py) with <c>load_state_dict(strict=True)</c>, holds
/// tensor for tensor, and runs to NetGen's output.
/// </summary>
public sealed class PyTorchPortabilityTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Names() => OpenWorldModels.Names();

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void PyTorch_loads_the_saved_state_strictly_into_the_twin_and_computes_the_same_output(string name)
    {
        PythonScripts.SkipUnless("torch");
        using var directory = new TempDirectory();
        manual_seed(21);
        using var model = OpenWorldModels.Create(name);
        RandomState.Fill(model, 22);
        model.eval();
        using var input = OpenWorldModels.Input(name);
        using var expected = Forward(model, input);
        var files = new[] { directory.File("model.pt"), directory.File("model.safetensors") };
        foreach (var file in files)
        {
            model.SaveCheckpoint(file);
        }

        Checkpoint.Write(directory.File("io.pt"), [new("input", input), new("output", expected)]);

        var lines = PythonScripts.Run("open_world_models.py", ["check", name, "{}", directory.File("io.pt"), .. files]).Split('\n');

        var entries = ((IStateSchema)model).StateSchema.Count;
        Assert.Equal([$"model.pt: OK {entries}", $"model.safetensors: OK {entries}"], lines.Select(l => string.Join(' ', l.Split(' ').Take(3))));
        output.WriteLine(string.Join('\n', lines));
    }

    private static Tensor Forward(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        using var noGrad = no_grad();
        return model.call(input);
    }
}
