using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's MobileNetV3 <c>InvertedResidual</c> (torchvision 0.14), one row of its <c>InvertedResidualConfig</c>
/// table: its <c>block</c> Sequential holds a 1×1 expansion (only when <c>expanded != inp</c>), the depthwise
/// <c>kernel</c>×<c>kernel</c> conv, a squeeze-excitation (when <c>useSe</c>: squeeze channels
/// <c>_make_divisible(expanded // 4, 8)</c>, Hardsigmoid scale) and the linear 1×1 projection, each conv followed by
/// BatchNorm (eps 0.001, momentum 0.01) and, except the projection, Hardswish (<c>useHs</c>, torchvision's "HS") or
/// ReLU ("RE"). A dilated block keeps stride 1. torchvision's <c>use_res_connect</c> is computed. The children take
/// the next free index, so the keys are torchvision's (<c>block.0.0.weight</c> … <c>block.3.1.running_var</c>).
/// </summary>
[Model(Input = ["inp", 28, 28])]
[Residual(When = "stride == 1 && inp == oup")]
public partial class MobileNetV3Block : nn.Module<Tensor, Tensor>
{
    /// <param name="inp">Input channels.</param>
    /// <param name="kernel">The depthwise conv's kernel size (3 or 5).</param>
    /// <param name="expanded">The expanded (hidden) width.</param>
    /// <param name="oup">Output channels.</param>
    /// <param name="useSe">Whether a squeeze-excitation follows the depthwise conv.</param>
    /// <param name="useHs">Hardswish (torchvision's "HS") instead of ReLU ("RE").</param>
    /// <param name="stride">The depthwise conv's stride (1 when dilated).</param>
    /// <param name="dilation">The depthwise conv's dilation.</param>
    public partial MobileNetV3Block(int inp, int kernel, int expanded, int oup, bool useSe, bool useHs, int stride, int dilation = 1);

    [Block<Conv2dNormHardswish>("inp", "expanded", 1, 1, 1, 1, 0.001, 0.01, When = "expanded != inp && useHs")]
    [Block<Conv2dNormReLU>("inp", "expanded", 1, 1, 1, 1, 0.001, 0.01, When = "expanded != inp && !useHs")]
    [Block<Conv2dNormHardswish>("expanded", "expanded", "kernel", "dilation > 1 ? 1 : stride", "expanded", "dilation", 0.001, 0.01, When = "useHs")]
    [Block<Conv2dNormReLU>("expanded", "expanded", "kernel", "dilation > 1 ? 1 : stride", "expanded", "dilation", 0.001, 0.01, When = "!useHs")]
    [Block<SqueezeExcitation>("expanded", "make_divisible(expanded / 4, 8)", false, true, When = "useSe")]
    [Block<Conv2dNorm>("expanded", "oup", 1, 1, 1, 0.001, 0.01)]
    public partial Sequential block { get; }
}
