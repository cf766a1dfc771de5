using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>ops.SqueezeExcitation</c> (torchvision 0.14): the members compute a per-channel scale (global
/// average pool, <c>fc1</c> a 1×1 conv to <c>squeeze_channels</c>, the activation, <c>fc2</c> a 1×1 conv back to
/// <c>input_channels</c>, the scale activation) and <c>[Gate]</c> returns <c>scale * input</c>. torchvision's defaults
/// are ReLU and sigmoid; EfficientNet passes <c>activation=nn.SiLU</c> (<paramref name="silu"/>) and MobileNetV3
/// <c>scale_activation=nn.Hardsigmoid</c> (<paramref name="hardsigmoid"/>). The keys are torchvision's:
/// <c>fc1.weight</c>, <c>fc1.bias</c>, <c>fc2.weight</c>, <c>fc2.bias</c> (<c>activation</c> and
/// <c>scale_activation</c> have no state; each is a Sequential holding the one activation its flag picks).
/// </summary>
[Model(Input = ["input_channels", 14, 14])]
[Gate]
public partial class SqueezeExcitation : nn.Module<Tensor, Tensor>
{
    /// <param name="input_channels">Channels of the input, and of the scale.</param>
    /// <param name="squeeze_channels">Channels between <c>fc1</c> and <c>fc2</c>.</param>
    /// <param name="silu">SiLU after <c>fc1</c> instead of ReLU.</param>
    /// <param name="hardsigmoid">Hardsigmoid after <c>fc2</c> instead of sigmoid.</param>
    public partial SqueezeExcitation(int input_channels = 64, int squeeze_channels = 16, bool silu = false, bool hardsigmoid = false);

    [AdaptiveAvgPool2d(1)]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Conv2d("input_channels", "squeeze_channels", 1)]
    public partial Conv2d fc1 { get; }

    [ReLU(When = "!silu"), SiLU(Inplace = true, When = "silu")]
    public partial Sequential activation { get; }

    [Conv2d("squeeze_channels", "input_channels", 1)]
    public partial Conv2d fc2 { get; }

    [Sigmoid(When = "!hardsigmoid"), Hardsigmoid(When = "hardsigmoid")]
    public partial Sequential scale_activation { get; }
}
