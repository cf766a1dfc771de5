using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>MobileNetV3</c> (torchvision 0.14), one class for <c>mobilenet_v3_large</c> and
/// <c>mobilenet_v3_small</c> (<paramref name="large"/> picks the row set of torchvision's <c>_mobilenet_v3_conf</c>),
/// with its <c>reduced_tail</c> and <c>dilated</c> options. <c>features</c> is the Hardswish stem, one
/// <see cref="MobileNetV3Block"/> per configuration row (each row present only in its architecture, so every block
/// takes torchvision's index) and the 1×1 conv to six times the last width; then global average pooling, flatten and
/// the classifier (Linear, Hardswish, Dropout, Linear). Every BatchNorm has eps 0.001 and momentum 0.01. The rows are
/// torchvision's (input, kernel, expanded, out, SE, HS, stride, dilation) at width 1.0, where
/// <c>_make_divisible(c * 1.0, 8)</c> is <c>c</c>. Its state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class MobileNetV3 : nn.Module<Tensor, Tensor>
{
    // The tail's widths: torchvision divides them by 2 with reduced_tail; dilated blocks use dilation 2.
    private const string LargeTail = "reducedTail ? 80 : 160";
    private const string LargeTailExpanded = "reducedTail ? 480 : 960";
    private const string SmallTail = "reducedTail ? 48 : 96";
    private const string SmallTailExpanded = "reducedTail ? 288 : 576";
    private const string Dilation = "dilated ? 2 : 1";

    /// <param name="large">torchvision's <c>mobilenet_v3_large</c> rows; otherwise <c>mobilenet_v3_small</c>'s.</param>
    /// <param name="numClasses">Outputs of the last linear layer.</param>
    /// <param name="dropout">The classifier's dropout probability.</param>
    /// <param name="reducedTail">torchvision's <c>reduced_tail</c>: halves the last blocks' widths.</param>
    /// <param name="dilated">torchvision's <c>dilated</c>: the last blocks use dilation 2 instead of stride 2.</param>
    public partial MobileNetV3(bool large = true, int numClasses = 1000, double dropout = 0.2, bool reducedTail = false, bool dilated = false);

    /// <summary>torchvision's <c>mobilenet_v3_large</c>.</summary>
    public static MobileNetV3 Large(int numClasses = 1000) => new(true, numClasses);

    /// <summary>torchvision's <c>mobilenet_v3_small</c>.</summary>
    public static MobileNetV3 Small(int numClasses = 1000) => new(false, numClasses);

    [Block<Conv2dNormHardswish>(3, 16, 3, 2, 1, 1, 0.001, 0.01)]
    // mobilenet_v3_large
    [Block<MobileNetV3Block>(16, 3, 16, 16, false, false, 1, When = "large")]
    [Block<MobileNetV3Block>(16, 3, 64, 24, false, false, 2, When = "large")]
    [Block<MobileNetV3Block>(24, 3, 72, 24, false, false, 1, When = "large")]
    [Block<MobileNetV3Block>(24, 5, 72, 40, true, false, 2, When = "large")]
    [Block<MobileNetV3Block>(40, 5, 120, 40, true, false, 1, When = "large")]
    [Block<MobileNetV3Block>(40, 5, 120, 40, true, false, 1, When = "large")]
    [Block<MobileNetV3Block>(40, 3, 240, 80, false, true, 2, When = "large")]
    [Block<MobileNetV3Block>(80, 3, 200, 80, false, true, 1, When = "large")]
    [Block<MobileNetV3Block>(80, 3, 184, 80, false, true, 1, When = "large")]
    [Block<MobileNetV3Block>(80, 3, 184, 80, false, true, 1, When = "large")]
    [Block<MobileNetV3Block>(80, 3, 480, 112, true, true, 1, When = "large")]
    [Block<MobileNetV3Block>(112, 3, 672, 112, true, true, 1, When = "large")]
    [Block<MobileNetV3Block>(112, 5, 672, LargeTail, true, true, 2, Dilation, When = "large")]
    [Block<MobileNetV3Block>(LargeTail, 5, LargeTailExpanded, LargeTail, true, true, 1, Dilation, When = "large")]
    [Block<MobileNetV3Block>(LargeTail, 5, LargeTailExpanded, LargeTail, true, true, 1, Dilation, When = "large")]
    [Block<Conv2dNormHardswish>(LargeTail, "6 * (" + LargeTail + ")", 1, 1, 1, 1, 0.001, 0.01, When = "large")]
    // mobilenet_v3_small
    [Block<MobileNetV3Block>(16, 3, 16, 16, true, false, 2, When = "!large")]
    [Block<MobileNetV3Block>(16, 3, 72, 24, false, false, 2, When = "!large")]
    [Block<MobileNetV3Block>(24, 3, 88, 24, false, false, 1, When = "!large")]
    [Block<MobileNetV3Block>(24, 5, 96, 40, true, true, 2, When = "!large")]
    [Block<MobileNetV3Block>(40, 5, 240, 40, true, true, 1, When = "!large")]
    [Block<MobileNetV3Block>(40, 5, 240, 40, true, true, 1, When = "!large")]
    [Block<MobileNetV3Block>(40, 5, 120, 48, true, true, 1, When = "!large")]
    [Block<MobileNetV3Block>(48, 5, 144, 48, true, true, 1, When = "!large")]
    [Block<MobileNetV3Block>(48, 5, 288, SmallTail, true, true, 2, Dilation, When = "!large")]
    [Block<MobileNetV3Block>(SmallTail, 5, SmallTailExpanded, SmallTail, true, true, 1, Dilation, When = "!large")]
    [Block<MobileNetV3Block>(SmallTail, 5, SmallTailExpanded, SmallTail, true, true, 1, Dilation, When = "!large")]
    [Block<Conv2dNormHardswish>(SmallTail, "6 * (" + SmallTail + ")", 1, 1, 1, 1, 0.001, 0.01, When = "!large")]
    public partial Sequential features { get; }

    [AdaptiveAvgPool2d(1), Flatten]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Linear("large ? 6 * (" + LargeTail + ") : 6 * (" + SmallTail + ")", "large ? (reducedTail ? 640 : 1280) : (reducedTail ? 512 : 1024)")]
    [Hardswish(Inplace = true), Dropout("dropout", Inplace = true)]
    [Linear("large ? (reducedTail ? 640 : 1280) : (reducedTail ? 512 : 1024)", "numClasses")]
    public partial Sequential classifier { get; }
}
