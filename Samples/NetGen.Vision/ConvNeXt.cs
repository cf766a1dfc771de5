using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>ConvNeXt</c> (torchvision 0.14): convnext_tiny, small, base and large are one class whose first
/// width and third-stage depth are hyperparameters (the widths double stage by stage; the other stages have 3 blocks).
/// <c>features</c> is the patchify stem (a 4×4 conv of stride 4 and a channels-first LayerNorm), then four stages of
/// <see cref="CNBlock"/>s (each a <c>[Stage&lt;CNBlock&gt;]</c>) with a downsampling LayerNorm and 2×2 conv between
/// them; then global average pooling and the classifier (LayerNorm, flatten, linear). Each block's stochastic depth
/// probability grows with its position among all blocks, as torchvision computes it. Its state dict is torchvision's,
/// key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class ConvNeXt : nn.Module<Tensor, Tensor>
{
    // torchvision's sd_prob = stochastic_depth_prob * stage_block_id / (total_stage_blocks - 1.0), with 3 + 3 + depth3 + 3 blocks.
    private const string Sd = "stochasticDepthProb * (";
    private const string Last = ") / (8.0 + depth3)";

    /// <param name="width">The first stage's channels; each later stage has twice the one before.</param>
    /// <param name="depth3">The third stage's blocks (the others have 3).</param>
    /// <param name="stochasticDepthProb">The stochastic depth probability of the last block.</param>
    /// <param name="numClasses">Outputs of the last linear layer.</param>
    public partial ConvNeXt(int width = 96, int depth3 = 9, double stochasticDepthProb = 0.1, int numClasses = 1000);

    /// <summary>torchvision's <c>convnext_tiny</c>.</summary>
    public static ConvNeXt Tiny(int numClasses = 1000) => new(96, 9, 0.1, numClasses);

    /// <summary>torchvision's <c>convnext_small</c>.</summary>
    public static ConvNeXt Small(int numClasses = 1000) => new(96, 27, 0.4, numClasses);

    /// <summary>torchvision's <c>convnext_base</c>.</summary>
    public static ConvNeXt Base(int numClasses = 1000) => new(128, 27, 0.5, numClasses);

    /// <summary>torchvision's <c>convnext_large</c>.</summary>
    public static ConvNeXt Large(int numClasses = 1000) => new(192, 27, 0.5, numClasses);

    [Block<ConvNeXtStem>("width")]
    [Stage<CNBlock>(3, Each = ["width", Sd + "i" + Last], Index = "i")]
    [Block<ConvNeXtDownsample>("width", "width * 2")]
    [Stage<CNBlock>(3, Each = ["width * 2", Sd + "3 + i" + Last], Index = "i")]
    [Block<ConvNeXtDownsample>("width * 2", "width * 4")]
    [Stage<CNBlock>("depth3", Each = ["width * 4", Sd + "6 + i" + Last], Index = "i")]
    [Block<ConvNeXtDownsample>("width * 4", "width * 8")]
    [Stage<CNBlock>(3, Each = ["width * 8", Sd + "6 + depth3 + i" + Last], Index = "i")]
    public partial Sequential features { get; }

    [AdaptiveAvgPool2d(1)]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [LayerNorm2d("width * 8", Eps = 1e-6), Flatten, Linear("width * 8", "numClasses")]
    public partial Sequential classifier { get; }
}

/// <summary>ConvNeXt's stem, torchvision's <c>Conv2dNormActivation</c> without an activation: <c>features.0.0</c>, <c>features.0.1</c>.</summary>
[Model]
[Conv2d(3, "channels", 4, Stride = 4)]
[LayerNorm2d("channels", Eps = 1e-6)]
public partial class ConvNeXtStem : nn.Module<Tensor, Tensor>
{
    public partial ConvNeXtStem(int channels);
}

/// <summary>ConvNeXt's downsampling between stages: a channels-first LayerNorm, then a 2×2 conv of stride 2.</summary>
[Model]
[LayerNorm2d("inp", Eps = 1e-6)]
[Conv2d("inp", "oup", 2, Stride = 2)]
public partial class ConvNeXtDownsample : nn.Module<Tensor, Tensor>
{
    public partial ConvNeXtDownsample(int inp, int oup);
}
