using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's RegNet <c>ResBottleneckBlock</c> (torchvision 0.14): <c>f</c> is its <c>BottleneckTransform</c>, a
/// Sequential of named children: <c>a</c> a 1×1 conv to the bottleneck width <c>int(round(width_out * b))</c>,
/// <c>b</c> the 3×3 conv with the stride in groups of <paramref name="groupWidth"/> channels, <c>se</c> (RegNetY only) a
/// squeeze-excitation to <c>int(round(se_ratio * width_in))</c> channels (ReLU, sigmoid), and <c>c</c> the 1×1 conv to
/// <c>width_out</c> without activation. The shortcut is <c>proj</c> (a strided 1×1 conv + BN) where the width or the
/// stride changes, the identity elsewhere; ReLU follows the add. <c>proj</c> is declared first, as torchvision registers
/// it, so the keys are torchvision's in its order: <c>proj.0.weight</c>, …, <c>f.a.0.weight</c>, <c>f.se.fc1.weight</c>, ….
/// </summary>
[Model(Input = ["widthIn", 56, 56])]
[Residual(Shortcut = "proj", Activation = Activation.ReLU)]
public partial class ResBottleneckBlock : nn.Module<Tensor, Tensor>
{
    /// <summary>torchvision's <c>w_b = int(round(width_out * bottleneck_multiplier))</c>.</summary>
    private const string Wb = "round(widthOut * bottleneckMultiplier)";

    /// <param name="widthIn">Input channels.</param>
    /// <param name="widthOut">Output channels.</param>
    /// <param name="stride">The 3×3 conv's stride (and the projection's).</param>
    /// <param name="groupWidth">Channels per group of the 3×3 conv.</param>
    /// <param name="bottleneckMultiplier">The bottleneck width over the output width.</param>
    /// <param name="seRatio">The squeeze-excitation width over the input width; 0 for none (torchvision's <c>None</c>).</param>
    public partial ResBottleneckBlock(int widthIn, int widthOut, int stride, int groupWidth, double bottleneckMultiplier = 1.0, double seRatio = 0.0);

    [When("widthIn != widthOut || stride != 1")]
    [Conv2d("widthIn", "widthOut", 1, Stride = "stride", Bias = false), BatchNorm2d("widthOut")]
    public partial Sequential? proj { get; }

    [Block<Conv2dNormReLU>("widthIn", Wb, 1, Name = "a")]
    [Block<Conv2dNormReLU>(Wb, Wb, 3, "stride", Wb + " / groupWidth", Name = "b")]
    [Block<SqueezeExcitation>(Wb, "round(seRatio * widthIn)", Name = "se", When = "seRatio != 0")]
    [Block<Conv2dNorm>(Wb, "widthOut", 1, Name = "c")]
    public partial Sequential f { get; }
}
