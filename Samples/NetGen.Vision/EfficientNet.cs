using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>EfficientNet</c> B0–B7 (torchvision 0.14), one class: the variants differ only in the width and
/// depth multipliers, the classifier's dropout and (B5–B7) the BatchNorm's eps and momentum, all hyperparameters, and
/// <see cref="B0"/> … <see cref="B7"/> build the published ones. <c>features</c> is the SiLU stem, seven stages (each a
/// <c>[Stage&lt;MBConv&gt;]</c>, an <c>nn.Sequential</c> of <see cref="MBConv"/> blocks: the first takes the stage's
/// input width and stride, the others its output width and stride 1) and the 1×1 conv to four times the last width;
/// then global average pooling, flatten, and the classifier (dropout, linear). The widths are
/// <c>_make_divisible(c * width_mult, 8)</c>, the depths <c>ceil(n * depth_mult)</c>, and each block's stochastic
/// depth probability grows with its position among all blocks, as torchvision computes them. Its state dict is
/// torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class EfficientNet : nn.Module<Tensor, Tensor>
{
    // torchvision's bneck_conf rows (expand_ratio, kernel, stride, input_channels, out_channels, num_layers), scaled:
    // widths by _make_divisible(c * width_mult, 8), depths by ceil(n * depth_mult).
    private const string W16 = "make_divisible(16 * widthMult, 8)";
    private const string W24 = "make_divisible(24 * widthMult, 8)";
    private const string W32 = "make_divisible(32 * widthMult, 8)";
    private const string W40 = "make_divisible(40 * widthMult, 8)";
    private const string W80 = "make_divisible(80 * widthMult, 8)";
    private const string W112 = "make_divisible(112 * widthMult, 8)";
    private const string W192 = "make_divisible(192 * widthMult, 8)";
    private const string W320 = "make_divisible(320 * widthMult, 8)";
    private const string D1 = "ceil(1 * depthMult)";
    private const string D2 = "ceil(2 * depthMult)";
    private const string D3 = "ceil(2 * depthMult)";
    private const string D4 = "ceil(3 * depthMult)";
    private const string D5 = "ceil(3 * depthMult)";
    private const string D6 = "ceil(4 * depthMult)";
    private const string D7 = "ceil(1 * depthMult)";

    // The blocks before each stage, and in all: block i of stage k has stage_block_id = Before{k} + i, and its
    // stochastic depth probability is stochastic_depth_prob * stage_block_id / total_stage_blocks.
    private const string Before2 = D1;
    private const string Before3 = Before2 + " + " + D2;
    private const string Before4 = Before3 + " + " + D3;
    private const string Before5 = Before4 + " + " + D4;
    private const string Before6 = Before5 + " + " + D5;
    private const string Before7 = Before6 + " + " + D6;
    private const string Blocks = "(" + Before7 + " + " + D7 + ")";
    private const string Sd = "stochasticDepthProb * (";

    /// <param name="widthMult">Multiplies every width (torchvision's <c>width_mult</c>).</param>
    /// <param name="depthMult">Multiplies every stage's depth (torchvision's <c>depth_mult</c>).</param>
    /// <param name="dropout">The classifier's dropout probability.</param>
    /// <param name="numClasses">Outputs of the last linear layer.</param>
    /// <param name="stochasticDepthProb">The stochastic depth probability of a block past the last one.</param>
    /// <param name="eps">The BatchNorms' eps (0.001 for B5–B7).</param>
    /// <param name="momentum">The BatchNorms' momentum (0.01 for B5–B7).</param>
    public partial EfficientNet(double widthMult = 1.0, double depthMult = 1.0, double dropout = 0.2, int numClasses = 1000,
        double stochasticDepthProb = 0.2, double eps = 1e-5, double momentum = 0.1);

    /// <summary>torchvision's <c>efficientnet_b0</c>.</summary>
    public static EfficientNet B0(int numClasses = 1000) => new(1.0, 1.0, 0.2, numClasses);

    /// <summary>torchvision's <c>efficientnet_b1</c>.</summary>
    public static EfficientNet B1(int numClasses = 1000) => new(1.0, 1.1, 0.2, numClasses);

    /// <summary>torchvision's <c>efficientnet_b2</c>.</summary>
    public static EfficientNet B2(int numClasses = 1000) => new(1.1, 1.2, 0.3, numClasses);

    /// <summary>torchvision's <c>efficientnet_b3</c>.</summary>
    public static EfficientNet B3(int numClasses = 1000) => new(1.2, 1.4, 0.3, numClasses);

    /// <summary>torchvision's <c>efficientnet_b4</c>.</summary>
    public static EfficientNet B4(int numClasses = 1000) => new(1.4, 1.8, 0.4, numClasses);

    /// <summary>torchvision's <c>efficientnet_b5</c>: BatchNorm eps 0.001, momentum 0.01.</summary>
    public static EfficientNet B5(int numClasses = 1000) => new(1.6, 2.2, 0.4, numClasses, 0.2, 0.001, 0.01);

    /// <summary>torchvision's <c>efficientnet_b6</c>: BatchNorm eps 0.001, momentum 0.01.</summary>
    public static EfficientNet B6(int numClasses = 1000) => new(1.8, 2.6, 0.5, numClasses, 0.2, 0.001, 0.01);

    /// <summary>torchvision's <c>efficientnet_b7</c>: BatchNorm eps 0.001, momentum 0.01.</summary>
    public static EfficientNet B7(int numClasses = 1000) => new(2.0, 3.1, 0.5, numClasses, 0.2, 0.001, 0.01);

    [Block<Conv2dNormSiLU>(3, W32, 3, 2, 1, 1, "eps", "momentum")]
    [Stage<MBConv>(D1, Each = ["i == 0 ? " + W32 + " : " + W16, W16, 1, 3, 1, Sd + "i) / " + Blocks, "eps", "momentum"], Index = "i")]
    [Stage<MBConv>(D2, Each = ["i == 0 ? " + W16 + " : " + W24, W24, 6, 3, "i == 0 ? 2 : 1", Sd + Before2 + " + i) / " + Blocks, "eps", "momentum"], Index = "i")]
    [Stage<MBConv>(D3, Each = ["i == 0 ? " + W24 + " : " + W40, W40, 6, 5, "i == 0 ? 2 : 1", Sd + Before3 + " + i) / " + Blocks, "eps", "momentum"], Index = "i")]
    [Stage<MBConv>(D4, Each = ["i == 0 ? " + W40 + " : " + W80, W80, 6, 3, "i == 0 ? 2 : 1", Sd + Before4 + " + i) / " + Blocks, "eps", "momentum"], Index = "i")]
    [Stage<MBConv>(D5, Each = ["i == 0 ? " + W80 + " : " + W112, W112, 6, 5, 1, Sd + Before5 + " + i) / " + Blocks, "eps", "momentum"], Index = "i")]
    [Stage<MBConv>(D6, Each = ["i == 0 ? " + W112 + " : " + W192, W192, 6, 5, "i == 0 ? 2 : 1", Sd + Before6 + " + i) / " + Blocks, "eps", "momentum"], Index = "i")]
    [Stage<MBConv>(D7, Each = ["i == 0 ? " + W192 + " : " + W320, W320, 6, 3, 1, Sd + Before7 + " + i) / " + Blocks, "eps", "momentum"], Index = "i")]
    [Block<Conv2dNormSiLU>(W320, "4 * " + W320, 1, 1, 1, 1, "eps", "momentum")]
    public partial Sequential features { get; }

    [AdaptiveAvgPool2d(1), Flatten]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Dropout("dropout", Inplace = true), Linear("4 * " + W320, "numClasses")]
    public partial Sequential classifier { get; }
}
