using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// A gated MLP as a TorchSharp user writes one: a hand-written forward, and its dropout kept in a plain field with no
/// NetGen attribute. TorchSharp's <c>Dropout</c> is sealed and holds no state, so NetGen follows it and counts it.
/// </summary>
[Model(Input = [20])]
public partial class GatedMlp : nn.Module<Tensor, Tensor>
{
    public partial GatedMlp(int hidden = 24, int classes = 3);

    [Linear(20, "hidden")] public partial Linear value { get; }
    [Linear(20, "hidden")] public partial Linear gate { get; }
    [Linear("hidden", "classes")] public partial Linear output { get; }
    private readonly Dropout drop = nn.Dropout(0.25);

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = value.call(x) * sigmoid(gate.call(x));
        return output.call(drop.call(h)).MoveToOuterDisposeScope();
    }
}
