using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Torchvision;

/// <summary>
/// torchvision's MobileNetV2 <c>InvertedResidual</c> with an expansion (expand_ratio ≠ 1): a 1×1 expansion
/// to <c>hidden</c> channels, a 3×3 depthwise conv (groups = hidden) with the stride, and a linear 1×1
/// projection + BN, all in the <c>conv</c> Sequential. torchvision's <c>use_res_connect</c>
/// (stride 1 and inp == oup) is <c>useResidual</c>: then the input is added to the result.
/// </summary>
[Model(Input = ["inp", 56, 56])]
[Residual(When = "useResidual")]
public partial class InvertedResidual : nn.Module<Tensor, Tensor>
{
    public partial InvertedResidual(int inp, int oup, int hidden, int stride, bool useResidual);

    [Block<Conv2dNormActivation>("inp", "hidden", 1, 1, 1, 0)]
    [Block<Conv2dNormActivation>("hidden", "hidden", 3, "stride", "hidden")]
    [Conv2d("hidden", "oup", 1, Bias = false)]
    [BatchNorm2d("oup")]
    public partial Sequential conv { get; }
}

/// <summary>
/// torchvision's <c>InvertedResidual</c> with expand_ratio = 1 (MobileNetV2's first block): no expansion
/// layer, so its <c>conv</c> Sequential is the depthwise conv, the 1×1 projection and BN (<c>conv.0.0</c>,
/// <c>conv.1</c>, <c>conv.2</c>).
/// </summary>
[Model(Input = ["inp", 112, 112])]
[Residual(When = "useResidual")]
public partial class InvertedResidualNoExpansion : nn.Module<Tensor, Tensor>
{
    public partial InvertedResidualNoExpansion(int inp, int oup, int stride, bool useResidual);

    [Block<Conv2dNormActivation>("inp", "inp", 3, "stride", "inp")]
    [Conv2d("inp", "oup", 1, Bias = false)]
    [BatchNorm2d("oup")]
    public partial Sequential conv { get; }
}
