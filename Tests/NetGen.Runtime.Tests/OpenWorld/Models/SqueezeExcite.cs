using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>Squeeze-and-excitation: a gate computed from the pooled input scales the input's channels.</summary>
[Model]
public partial class SqueezeExcite : nn.Module<Tensor, Tensor>
{
    public partial SqueezeExcite(int channels = 16, int squeeze = 4);

    [AdaptiveAvgPool2d(1)]
    public partial AdaptiveAvgPool2d pool { get; }

    [Conv2d("channels", "squeeze", 1), ReLU]
    public partial Conv2d fc1 { get; }

    [Conv2d("squeeze", "channels", 1), Sigmoid]
    public partial Conv2d fc2 { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return x.mul(fc2.call(fc1.call(pool.call(x)))).MoveToOuterDisposeScope();
    }
}
