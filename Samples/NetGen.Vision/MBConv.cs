using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's EfficientNet <c>MBConv</c> (torchvision 0.14): its <c>block</c> Sequential holds a 1×1 expansion to
/// <c>_make_divisible(inp * expand_ratio, 8)</c> channels (only when that differs from <c>inp</c>), the depthwise
/// <c>kernel</c>×<c>kernel</c> conv with the stride, a squeeze-excitation to <c>max(1, inp // 4)</c> channels (SiLU,
/// sigmoid scale) and the linear 1×1 projection, each conv followed by BatchNorm and, except the projection, SiLU.
/// torchvision's <c>use_res_connect</c> is computed: then <c>stochastic_depth</c> (torchvision's
/// <c>StochasticDepth(p, "row")</c>, which has no state and is the identity in eval mode) drops the block's result
/// for whole samples while training, and the input is added. The keys are torchvision's (<c>block.0.0.weight</c> …).
/// </summary>
[Model(Input = ["inp", 28, 28])]
[Residual(When = "stride == 1 && inp == oup")]
public partial class MBConv : nn.Module<Tensor, Tensor>
{
    private const string Expanded = "make_divisible(inp * expandRatio, 8)";

    /// <param name="inp">Input channels.</param>
    /// <param name="oup">Output channels.</param>
    /// <param name="expandRatio">The expansion ratio of the hidden width.</param>
    /// <param name="kernel">The depthwise conv's kernel size.</param>
    /// <param name="stride">The depthwise conv's stride.</param>
    /// <param name="stochasticDepthProb">The probability of dropping the residual branch while training.</param>
    /// <param name="eps">The BatchNorms' eps.</param>
    /// <param name="momentum">The BatchNorms' momentum.</param>
    public partial MBConv(int inp, int oup, int expandRatio, int kernel, int stride, double stochasticDepthProb = 0.0, double eps = 1e-5, double momentum = 0.1);

    [Block<Conv2dNormSiLU>("inp", Expanded, 1, 1, 1, 1, "eps", "momentum", When = Expanded + " != inp")]
    [Block<Conv2dNormSiLU>(Expanded, Expanded, "kernel", "stride", Expanded, 1, "eps", "momentum")]
    [Block<SqueezeExcitation>(Expanded, "max(1, inp / 4)", true, false)]
    [Block<Conv2dNorm>(Expanded, "oup", 1, 1, 1, "eps", "momentum")]
    public partial Sequential block { get; }

    [When("stride == 1 && inp == oup")]
    [StochasticDepth("stochasticDepthProb", "row")]
    public partial StochasticDepth? stochastic_depth { get; }
}
