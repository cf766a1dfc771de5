using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>A hand-written TorchSharp module, registered the TorchSharp way: <c>x + scale · proj(x)</c>.</summary>
public sealed class ScaledResidual : nn.Module<Tensor, Tensor>
{
    private readonly Linear proj;
    private readonly double _scale;

    public ScaledResidual(long features, double scale) : base(nameof(ScaledResidual))
    {
        proj = nn.Linear(features, features);
        _scale = scale;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scaled = proj.call(x).mul(_scale);
        return x.add(scaled);
    }
}

/// <summary>
/// A generated forward through a module NetGen does not know: the wrapper is built by <c>[Block]</c> and its
/// contract carries the shape on, so the head's in_features is still inferred.
/// </summary>
[Model(Input = [16])]
public partial class WrapperNet : nn.Module<Tensor, Tensor>
{
    public partial WrapperNet(int features = 24, int classes = 3);

    [Linear(16, "features"), ReLU]
    public partial Linear stem { get; }

    [Block("features", 0.5)]
    [Contract(Input = ["features"], Output = ["features"])]
    public partial ScaledResidual residual { get; }

    [Linear("classes")]
    public partial Linear head { get; }
}
