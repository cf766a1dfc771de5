using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Torchvision;

/// <summary>
/// torchvision's <c>ops.SqueezeExcitation</c> (torchvision 0.14) with its defaults, ReLU and a sigmoid: the
/// members compute a per-channel scale (global average pool, <c>fc1</c> a 1×1 conv to <c>squeeze_channels</c>,
/// ReLU, <c>fc2</c> a 1×1 conv back to <c>input_channels</c>, sigmoid) and <c>[Gate]</c> returns
/// <c>scale * input</c>. The keys are torchvision's: <c>fc1.weight</c>, <c>fc1.bias</c>, <c>fc2.weight</c>,
/// <c>fc2.bias</c> (its <c>activation</c> and <c>scale_activation</c> modules have no state, and are the functional
/// ReLU and sigmoid here).
/// </summary>
[Model(Input = ["input_channels", 14, 14])]
[Gate]
public partial class SqueezeExcitation : nn.Module<Tensor, Tensor>
{
    /// <param name="input_channels">Channels of the input, and of the scale.</param>
    /// <param name="squeeze_channels">Channels between <c>fc1</c> and <c>fc2</c>.</param>
    public partial SqueezeExcitation(int input_channels = 64, int squeeze_channels = 16);

    [AdaptiveAvgPool2d(1)]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Conv2d("input_channels", "squeeze_channels", 1), ReLU]
    public partial Conv2d fc1 { get; }

    [Conv2d("squeeze_channels", "input_channels", 1), Sigmoid]
    public partial Conv2d fc2 { get; }
}
