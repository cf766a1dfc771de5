using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// Squeeze-and-excitation: a gate computed from the pooled input scales the input's channels. The activations
/// are in the forward, not attributes on <c>fc1</c>/<c>fc2</c>: a hand-written forward calls the Conv2d members
/// themselves, so an activation attribute on them would never run.
/// </summary>
[Model(Input = [16, 5, 5])]
public partial class SqueezeExcite : nn.Module<Tensor, Tensor>
{
    public partial SqueezeExcite(int channels = 16, int squeeze = 4);

    [AdaptiveAvgPool2d(1)]
    public partial AdaptiveAvgPool2d pool { get; }

    [Conv2d("channels", "squeeze", 1)]
    public partial Conv2d fc1 { get; }

    [Conv2d("squeeze", "channels", 1)]
    public partial Conv2d fc2 { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var gate = fc2.call(fc1.call(pool.call(x)).relu()).sigmoid();
        return x.mul(gate).MoveToOuterDisposeScope();
    }
}
