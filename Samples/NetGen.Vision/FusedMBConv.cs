using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's EfficientNetV2 <c>FusedMBConv</c> (torchvision 0.14): where the expanded width
/// <c>_make_divisible(inp * expand_ratio, 8)</c> differs from <c>inp</c>, its <c>block</c> Sequential is a
/// <c>kernel</c>×<c>kernel</c> conv to that width with the stride (BatchNorm, SiLU) and a linear 1×1 projection
/// (BatchNorm); otherwise it is one <c>kernel</c>×<c>kernel</c> conv straight to <c>oup</c> (BatchNorm, SiLU). As in
/// <see cref="MBConv"/>, the residual condition is computed, and then <c>stochastic_depth</c> precedes the add.
/// </summary>
[Model(Input = ["inp", 28, 28])]
[Residual(When = "stride == 1 && inp == oup")]
public partial class FusedMBConv : nn.Module<Tensor, Tensor>
{
    private const string Expanded = "make_divisible(inp * expandRatio, 8)";

    /// <param name="inp">Input channels.</param>
    /// <param name="oup">Output channels.</param>
    /// <param name="expandRatio">The expansion ratio of the hidden width.</param>
    /// <param name="kernel">The first conv's kernel size.</param>
    /// <param name="stride">The first conv's stride.</param>
    /// <param name="stochasticDepthProb">The probability of dropping the residual branch while training.</param>
    /// <param name="eps">The BatchNorms' eps.</param>
    /// <param name="momentum">The BatchNorms' momentum.</param>
    public partial FusedMBConv(int inp, int oup, int expandRatio, int kernel, int stride, double stochasticDepthProb = 0.0, double eps = 1e-5, double momentum = 0.1);

    [Block<Conv2dNormSiLU>("inp", Expanded, "kernel", "stride", 1, 1, "eps", "momentum", When = Expanded + " != inp")]
    [Block<Conv2dNorm>(Expanded, "oup", 1, 1, 1, "eps", "momentum", When = Expanded + " != inp")]
    [Block<Conv2dNormSiLU>("inp", "oup", "kernel", "stride", 1, 1, "eps", "momentum", When = Expanded + " == inp")]
    public partial Sequential block { get; }

    [When("stride == 1 && inp == oup")]
    [StochasticDepth("stochasticDepthProb", "row")]
    public partial StochasticDepth? stochastic_depth { get; }
}
