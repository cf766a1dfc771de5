using System.Linq;
using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateMap;

/// <summary>
/// A model that keeps a module in a field, as TorchSharp users do, for a part it wires itself. Before NetGen
/// registered such fields, the generated (empty) RegisterComponents left it out: never trained, never saved.
/// </summary>
[Model(Input = [4])]
public partial class ModelWithFieldModules : nn.Module<Tensor, Tensor>
{
    [Linear(4, 8), ReLU]
    public partial Linear body { get; }

    private readonly Linear auxiliary = nn.Linear(8, 2);

    private Parameter temperature { get; } = new Parameter(ones(1));

    [Linear(8, 3)]
    public partial Linear head { get; }

    /// <summary>The auxiliary head, which the generated forward does not call.</summary>
    public Tensor Auxiliary(Tensor features) => auxiliary.call(features).div(temperature);
}

public sealed class FieldRegistrationTests
{
    [Fact]
    public void Field_modules_and_parameters_are_registered_trained_and_in_the_state_map()
    {
        using var model = new ModelWithFieldModules();

        var keys = model.DescribeState().Select(e => e.Key).ToList();
        Assert.Equal(new[] { "body.weight", "body.bias", "auxiliary.weight", "auxiliary.bias", "head.weight", "head.bias", "temperature" }.OrderBy(k => k), keys.OrderBy(k => k));
        // PyTorch lists the model's own parameter before its children's entries.
        Assert.Equal("temperature", keys[0]);
        Assert.Equal(7, model.parameters().Count());
    }

    [Fact]
    public void A_field_module_round_trips_through_a_checkpoint()
    {
        using var directory = new NetGen.Runtime.Tests.StateDict.TempDirectory();
        manual_seed(5);
        using var original = new ModelWithFieldModules();
        using var input = randn(2, 8);
        using var expected = original.Auxiliary(input);
        original.SaveCheckpoint(directory.File("fields.pt"));

        manual_seed(6);
        using var loaded = new ModelWithFieldModules();
        var report = loaded.LoadCheckpoint(directory.File("fields.pt"));
        using var actual = loaded.Auxiliary(input);

        Assert.True(report.IsComplete, report.ToString());
        Assert.True(actual.allclose(expected, rtol: 0, atol: 0));
    }
}
