using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's MobileNetV2 <c>InvertedResidual</c> with an expansion (expand_ratio <c>t</c> ≠ 1): a 1×1
/// expansion to <c>inp * t</c> channels, a 3×3 depthwise conv (groups = <c>inp * t</c>) with the stride, and a
/// linear 1×1 projection + BN, all in the <c>conv</c> Sequential. torchvision's <c>use_res_connect</c>
/// (<c>stride == 1 and inp == oup</c>) is computed: then the input is added to the result.
/// </summary>
[Model(Input = ["inp", 56, 56])]
[Residual(When = "stride == 1 && inp == oup")]
public partial class InvertedResidual : nn.Module<Tensor, Tensor>
{
    /// <param name="inp">Input channels.</param>
    /// <param name="oup">Output channels.</param>
    /// <param name="stride">The depthwise conv's stride.</param>
    /// <param name="t">The expansion ratio: the hidden width is <c>inp * t</c>.</param>
    public partial InvertedResidual(int inp, int oup, int stride, int t);

    [Block<Conv2dNormActivation>("inp", "inp * t", 1)]
    [Block<Conv2dNormActivation>("inp * t", "inp * t", 3, "stride", "inp * t")]
    [Conv2d("inp * t", "oup", 1, Bias = false)]
    [BatchNorm2d("oup")]
    public partial Sequential conv { get; }
}

/// <summary>
/// torchvision's <c>InvertedResidual</c> with expand_ratio = 1 (MobileNetV2's first block): no expansion
/// layer, so its <c>conv</c> Sequential is the depthwise conv, the 1×1 projection and BN (<c>conv.0.0</c>,
/// <c>conv.1</c>, <c>conv.2</c>). The residual condition is torchvision's, computed.
/// </summary>
[Model(Input = ["inp", 112, 112])]
[Residual(When = "stride == 1 && inp == oup")]
public partial class InvertedResidualNoExpansion : nn.Module<Tensor, Tensor>
{
    public partial InvertedResidualNoExpansion(int inp, int oup, int stride);

    [Block<Conv2dNormActivation>("inp", "inp", 3, "stride", "inp")]
    [Conv2d("inp", "oup", 1, Bias = false)]
    [BatchNorm2d("oup")]
    public partial Sequential conv { get; }
}
