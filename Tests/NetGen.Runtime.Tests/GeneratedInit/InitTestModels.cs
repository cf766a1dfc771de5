using NetGen;
using NetGen.Samples;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.GeneratedInit;

/// <summary>A block with a Conv2d rule of its own, which must win over its parent's.</summary>
[Model]
[Init<Conv2d>(InitKind.Ones)]
public partial class OnesConvBlock : nn.Module<Tensor, Tensor>
{
    [Conv2d(4, 4, 1, Bias = false)]
    public partial Conv2d conv { get; }
}

/// <summary>
/// A parent whose Conv2d rule reaches the seed's ResidualBlock (which declares none) but not
/// <see cref="OnesConvBlock"/>, with a member override on <c>special</c>.
/// </summary>
[Model]
[Init<Conv2d>(InitKind.Zeros)]
[Init<BatchNorm2d>(InitKind.Constant, Value = 2, Bias = InitKind.Constant, BiasValue = 3)]
public partial class InheritingParent : nn.Module<Tensor, Tensor>
{
    [Block(4, 4, 1, true)]
    public partial ResidualBlock residual { get; }

    [Block]
    public partial OnesConvBlock own { get; }

    [Init(InitKind.Constant, Value = 0.5, Bias = InitKind.Zeros)]
    [Conv2d(4, 4, 3, Padding = 1)]
    public partial Conv2d special { get; }

    [Linear(4, 2)]
    public partial Linear untouched { get; }
}
