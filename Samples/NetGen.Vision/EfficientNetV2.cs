using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>torchvision's EfficientNetV2 sizes: which row set of <c>_efficientnet_conf</c> builds the features.</summary>
public enum EfficientNetV2Size
{
    /// <summary>efficientnet_v2_s: 6 stages, 40 blocks.</summary>
    S,
    /// <summary>efficientnet_v2_m: 7 stages, 57 blocks.</summary>
    M,
    /// <summary>efficientnet_v2_l: 7 stages, 79 blocks.</summary>
    L,
}

/// <summary>
/// torchvision's <c>EfficientNet</c> V2 (torchvision 0.14), one class for efficientnet_v2_s, _m and _l: <c>features</c>
/// is the SiLU stem, one stage per row of torchvision's configuration for the chosen <paramref name="size"/> (each row
/// present only in its size, so every stage takes torchvision's index), and the 1×1 conv to 1280 channels; then global
/// average pooling, flatten and the classifier (dropout, linear). The first three stages are
/// <c>[Stage&lt;FusedMBConv&gt;]</c>, the others <c>[Stage&lt;MBConv&gt;]</c>: the first block of a stage takes its input
/// width and stride, the others its output width and stride 1. Each block's stochastic depth probability is
/// torchvision's <c>stochastic_depth_prob * stage_block_id / total_stage_blocks</c>. Every BatchNorm has eps 0.001. Its
/// state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class EfficientNetV2 : nn.Module<Tensor, Tensor>
{
    /// <param name="size">Which of torchvision's configurations.</param>
    /// <param name="dropout">The classifier's dropout probability (0.2, 0.3, 0.4 for S, M, L).</param>
    /// <param name="numClasses">Outputs of the last linear layer.</param>
    /// <param name="stochasticDepthProb">The stochastic depth probability of a block past the last one.</param>
    /// <param name="eps">The BatchNorms' eps.</param>
    /// <param name="momentum">The BatchNorms' momentum.</param>
    public partial EfficientNetV2(EfficientNetV2Size size = EfficientNetV2Size.S, double dropout = 0.2, int numClasses = 1000,
        double stochasticDepthProb = 0.2, double eps = 1e-3, double momentum = 0.1);

    /// <summary>torchvision's <c>efficientnet_v2_s</c>.</summary>
    public static EfficientNetV2 S(int numClasses = 1000) => new(EfficientNetV2Size.S, 0.2, numClasses);

    /// <summary>torchvision's <c>efficientnet_v2_m</c>.</summary>
    public static EfficientNetV2 M(int numClasses = 1000) => new(EfficientNetV2Size.M, 0.3, numClasses);

    /// <summary>torchvision's <c>efficientnet_v2_l</c>.</summary>
    public static EfficientNetV2 L(int numClasses = 1000) => new(EfficientNetV2Size.L, 0.4, numClasses);

    // torchvision's rows: Stage<block>(num_layers, Each = [input, output, expand_ratio, kernel, stride, sd_prob, ...]).
    // efficientnet_v2_s: 40 blocks
    [Block<Conv2dNormSiLU>(3, 24, 3, 2, 1, 1, "eps", "momentum", When = "size == EfficientNetV2Size.S")]
    [Stage<FusedMBConv>(2, Each = [24, 24, 1, 3, 1, "stochasticDepthProb * i / 40", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.S")]
    [Stage<FusedMBConv>(4, Each = ["i == 0 ? 24 : 48", 48, 4, 3, "i == 0 ? 2 : 1", "stochasticDepthProb * (2 + i) / 40", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.S")]
    [Stage<FusedMBConv>(4, Each = ["i == 0 ? 48 : 64", 64, 4, 3, "i == 0 ? 2 : 1", "stochasticDepthProb * (6 + i) / 40", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.S")]
    [Stage<MBConv>(6, Each = ["i == 0 ? 64 : 128", 128, 4, 3, "i == 0 ? 2 : 1", "stochasticDepthProb * (10 + i) / 40", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.S")]
    [Stage<MBConv>(9, Each = ["i == 0 ? 128 : 160", 160, 6, 3, 1, "stochasticDepthProb * (16 + i) / 40", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.S")]
    [Stage<MBConv>(15, Each = ["i == 0 ? 160 : 256", 256, 6, 3, "i == 0 ? 2 : 1", "stochasticDepthProb * (25 + i) / 40", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.S")]
    [Block<Conv2dNormSiLU>(256, 1280, 1, 1, 1, 1, "eps", "momentum", When = "size == EfficientNetV2Size.S")]
    // efficientnet_v2_m: 57 blocks
    [Block<Conv2dNormSiLU>(3, 24, 3, 2, 1, 1, "eps", "momentum", When = "size == EfficientNetV2Size.M")]
    [Stage<FusedMBConv>(3, Each = [24, 24, 1, 3, 1, "stochasticDepthProb * i / 57", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.M")]
    [Stage<FusedMBConv>(5, Each = ["i == 0 ? 24 : 48", 48, 4, 3, "i == 0 ? 2 : 1", "stochasticDepthProb * (3 + i) / 57", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.M")]
    [Stage<FusedMBConv>(5, Each = ["i == 0 ? 48 : 80", 80, 4, 3, "i == 0 ? 2 : 1", "stochasticDepthProb * (8 + i) / 57", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.M")]
    [Stage<MBConv>(7, Each = ["i == 0 ? 80 : 160", 160, 4, 3, "i == 0 ? 2 : 1", "stochasticDepthProb * (13 + i) / 57", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.M")]
    [Stage<MBConv>(14, Each = ["i == 0 ? 160 : 176", 176, 6, 3, 1, "stochasticDepthProb * (20 + i) / 57", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.M")]
    [Stage<MBConv>(18, Each = ["i == 0 ? 176 : 304", 304, 6, 3, "i == 0 ? 2 : 1", "stochasticDepthProb * (34 + i) / 57", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.M")]
    [Stage<MBConv>(5, Each = ["i == 0 ? 304 : 512", 512, 6, 3, 1, "stochasticDepthProb * (52 + i) / 57", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.M")]
    [Block<Conv2dNormSiLU>(512, 1280, 1, 1, 1, 1, "eps", "momentum", When = "size == EfficientNetV2Size.M")]
    // efficientnet_v2_l: 79 blocks
    [Block<Conv2dNormSiLU>(3, 32, 3, 2, 1, 1, "eps", "momentum", When = "size == EfficientNetV2Size.L")]
    [Stage<FusedMBConv>(4, Each = [32, 32, 1, 3, 1, "stochasticDepthProb * i / 79", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.L")]
    [Stage<FusedMBConv>(7, Each = ["i == 0 ? 32 : 64", 64, 4, 3, "i == 0 ? 2 : 1", "stochasticDepthProb * (4 + i) / 79", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.L")]
    [Stage<FusedMBConv>(7, Each = ["i == 0 ? 64 : 96", 96, 4, 3, "i == 0 ? 2 : 1", "stochasticDepthProb * (11 + i) / 79", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.L")]
    [Stage<MBConv>(10, Each = ["i == 0 ? 96 : 192", 192, 4, 3, "i == 0 ? 2 : 1", "stochasticDepthProb * (18 + i) / 79", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.L")]
    [Stage<MBConv>(19, Each = ["i == 0 ? 192 : 224", 224, 6, 3, 1, "stochasticDepthProb * (28 + i) / 79", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.L")]
    [Stage<MBConv>(25, Each = ["i == 0 ? 224 : 384", 384, 6, 3, "i == 0 ? 2 : 1", "stochasticDepthProb * (47 + i) / 79", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.L")]
    [Stage<MBConv>(7, Each = ["i == 0 ? 384 : 640", 640, 6, 3, 1, "stochasticDepthProb * (72 + i) / 79", "eps", "momentum"], Index = "i", When = "size == EfficientNetV2Size.L")]
    [Block<Conv2dNormSiLU>(640, 1280, 1, 1, 1, 1, "eps", "momentum", When = "size == EfficientNetV2Size.L")]
    public partial Sequential features { get; }

    [AdaptiveAvgPool2d(1), Flatten]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Dropout("dropout", Inplace = true), Linear(1280, "numClasses")]
    public partial Sequential classifier { get; }
}
