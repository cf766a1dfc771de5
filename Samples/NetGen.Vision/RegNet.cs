using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>RegNet</c> (torchvision 0.14), all fifteen variants in one class: the hyperparameters are those of
/// torchvision's <c>BlockParams.from_init_params</c> (depth, w_0, w_a, w_m, group width, bottleneck multiplier, SE ratio),
/// <see cref="X400MF"/> … <see cref="Y128GF"/> pass the published ones (the defaults are <c>regnet_y_400mf</c>'s, so that the
/// compile-time check and <c>Summary</c> cover the squeeze-excitation too), and the four stages' widths, depths and group
/// widths are computed from them as torchvision computes them (below). The model is the stem (a strided 3×3
/// Conv-BN-ReLU to <c>stem_width</c>), <c>trunk_output</c> with the stages <c>block1</c> … <c>block4</c> (each
/// torchvision's <c>AnyStage</c>, whose <see cref="ResBottleneckBlock"/>s are named <c>block1-0</c>, <c>block1-1</c>, …;
/// the first block of a stage takes the previous width and stride 2), global average pooling and <c>fc</c>. Its state
/// dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class RegNet : nn.Module<Tensor, Tensor>
{
    // torchvision's BlockParams.from_init_params. Block j's capacity is round(log((j * w_a + w_0) / w_0) / log(w_m)), its
    // width round(w_0 * w_m ** capacity / 8) * 8, and the blocks of one width make a stage: stage s holds the blocks of
    // capacity s - 1. A block's capacity is at most s - 1 exactly when j <= (w_m ** (s - 0.5) - 1) * w_0 / w_a, so UpTo{s},
    // the blocks in stages 1 to s, is counted without a loop. In all fifteen variants the capacities are 0 to 3; blocks
    // of capacity 4 or more, which torchvision would put in a fifth stage, would join stage 4 here.
    private const string UpTo1 = "min(depth, floor((pow(wm, 0.5) - 1) * w0 / wa) + 1)";
    private const string UpTo2 = "min(depth, floor((pow(wm, 1.5) - 1) * w0 / wa) + 1)";
    private const string UpTo3 = "min(depth, floor((pow(wm, 2.5) - 1) * w0 / wa) + 1)";
    private const string Depth1 = UpTo1;
    private const string Depth2 = UpTo2 + " - " + UpTo1;
    private const string Depth3 = UpTo3 + " - " + UpTo2;
    private const string Depth4 = "depth - " + UpTo3;

    // A stage's width is made compatible with its group width as _adjust_widths_groups_compatibilty does: the bottleneck
    // width int(w * b) is rounded to a multiple of the group width min(group_width, int(w * b)), and the stage width is
    // int(that / b).
    private const string Bottleneck1 = "floor(round(w0 * pow(wm, 0) / 8) * 8 * bottleneckMultiplier)";
    private const string Bottleneck2 = "floor(round(w0 * pow(wm, 1) / 8) * 8 * bottleneckMultiplier)";
    private const string Bottleneck3 = "floor(round(w0 * pow(wm, 2) / 8) * 8 * bottleneckMultiplier)";
    private const string Bottleneck4 = "floor(round(w0 * pow(wm, 3) / 8) * 8 * bottleneckMultiplier)";
    private const string Group1 = "min(groupWidth, " + Bottleneck1 + ")";
    private const string Group2 = "min(groupWidth, " + Bottleneck2 + ")";
    private const string Group3 = "min(groupWidth, " + Bottleneck3 + ")";
    private const string Group4 = "min(groupWidth, " + Bottleneck4 + ")";
    private const string Width1 = "floor(make_divisible(" + Bottleneck1 + ", " + Group1 + ") / bottleneckMultiplier)";
    private const string Width2 = "floor(make_divisible(" + Bottleneck2 + ", " + Group2 + ") / bottleneckMultiplier)";
    private const string Width3 = "floor(make_divisible(" + Bottleneck3 + ", " + Group3 + ") / bottleneckMultiplier)";
    private const string Width4 = "floor(make_divisible(" + Bottleneck4 + ", " + Group4 + ") / bottleneckMultiplier)";

    /// <param name="depth">The number of blocks in all (torchvision's <c>depth</c>).</param>
    /// <param name="w0">The first block's width (<c>w_0</c>).</param>
    /// <param name="wa">The slope of the linear width rule (<c>w_a</c>).</param>
    /// <param name="wm">The width step in log space (<c>w_m</c>).</param>
    /// <param name="groupWidth">Channels per group of the 3×3 convs.</param>
    /// <param name="bottleneckMultiplier">The bottleneck width over the block width (1 in every variant).</param>
    /// <param name="seRatio">The squeeze-excitation ratio (RegNetY: 0.25); 0 for none (RegNetX, torchvision's <c>None</c>).</param>
    /// <param name="stemWidth">The stem's output channels.</param>
    /// <param name="numClasses">Outputs of <c>fc</c>.</param>
    public partial RegNet(int depth = 16, int w0 = 48, double wa = 27.89, double wm = 2.09, int groupWidth = 8,
        double bottleneckMultiplier = 1.0, double seRatio = 0.25, int stemWidth = 32, int numClasses = 1000);

    /// <summary>torchvision's <c>regnet_x_400mf</c>.</summary>
    public static RegNet X400MF(int numClasses = 1000) => new(22, 24, 24.48, 2.54, 16, seRatio: 0.0, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_x_800mf</c>.</summary>
    public static RegNet X800MF(int numClasses = 1000) => new(16, 56, 35.73, 2.28, 16, seRatio: 0.0, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_x_1_6gf</c>.</summary>
    public static RegNet X1_6GF(int numClasses = 1000) => new(18, 80, 34.01, 2.25, 24, seRatio: 0.0, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_x_3_2gf</c>.</summary>
    public static RegNet X3_2GF(int numClasses = 1000) => new(25, 88, 26.31, 2.25, 48, seRatio: 0.0, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_x_8gf</c>.</summary>
    public static RegNet X8GF(int numClasses = 1000) => new(23, 80, 49.56, 2.88, 120, seRatio: 0.0, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_x_16gf</c>.</summary>
    public static RegNet X16GF(int numClasses = 1000) => new(22, 216, 55.59, 2.1, 128, seRatio: 0.0, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_x_32gf</c>.</summary>
    public static RegNet X32GF(int numClasses = 1000) => new(23, 320, 69.86, 2.0, 168, seRatio: 0.0, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_y_400mf</c>.</summary>
    public static RegNet Y400MF(int numClasses = 1000) => new(16, 48, 27.89, 2.09, 8, seRatio: 0.25, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_y_800mf</c>.</summary>
    public static RegNet Y800MF(int numClasses = 1000) => new(14, 56, 38.84, 2.4, 16, seRatio: 0.25, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_y_1_6gf</c>.</summary>
    public static RegNet Y1_6GF(int numClasses = 1000) => new(27, 48, 20.71, 2.65, 24, seRatio: 0.25, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_y_3_2gf</c>.</summary>
    public static RegNet Y3_2GF(int numClasses = 1000) => new(21, 80, 42.63, 2.66, 24, seRatio: 0.25, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_y_8gf</c>.</summary>
    public static RegNet Y8GF(int numClasses = 1000) => new(17, 192, 76.82, 2.19, 56, seRatio: 0.25, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_y_16gf</c>.</summary>
    public static RegNet Y16GF(int numClasses = 1000) => new(18, 200, 106.23, 2.48, 112, seRatio: 0.25, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_y_32gf</c>.</summary>
    public static RegNet Y32GF(int numClasses = 1000) => new(20, 232, 115.89, 2.53, 232, seRatio: 0.25, numClasses: numClasses);

    /// <summary>torchvision's <c>regnet_y_128gf</c>.</summary>
    public static RegNet Y128GF(int numClasses = 1000) => new(27, 456, 160.83, 2.52, 264, seRatio: 0.25, numClasses: numClasses);

    [Block(3, "stemWidth", 3, 2)]
    public partial Conv2dNormReLU stem { get; }

    [Stage<ResBottleneckBlock>(Depth1, Each = ["i == 0 ? stemWidth : " + Width1, Width1, "i == 0 ? 2 : 1", Group1, "bottleneckMultiplier", "seRatio"], Index = "i", Prefix = "block1-", Name = "block1")]
    [Stage<ResBottleneckBlock>(Depth2, Each = ["i == 0 ? " + Width1 + " : " + Width2, Width2, "i == 0 ? 2 : 1", Group2, "bottleneckMultiplier", "seRatio"], Index = "i", Prefix = "block2-", Name = "block2")]
    [Stage<ResBottleneckBlock>(Depth3, Each = ["i == 0 ? " + Width2 + " : " + Width3, Width3, "i == 0 ? 2 : 1", Group3, "bottleneckMultiplier", "seRatio"], Index = "i", Prefix = "block3-", Name = "block3")]
    [Stage<ResBottleneckBlock>(Depth4, Each = ["i == 0 ? " + Width3 + " : " + Width4, Width4, "i == 0 ? 2 : 1", Group4, "bottleneckMultiplier", "seRatio"], Index = "i", Prefix = "block4-", Name = "block4")]
    public partial Sequential trunk_output { get; }

    [AdaptiveAvgPool2d(1), Flatten]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Linear(Width4, "numClasses")]
    public partial Linear fc { get; }
}
