using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's MNASNet <c>_InvertedResidual</c> (torchvision 0.14): its <c>layers</c> Sequential is a 1×1 expansion
/// to <c>inp * expansion</c> channels, a depthwise <c>kernel</c>×<c>kernel</c> conv with the stride (padding
/// <c>kernel // 2</c>) and a linear 1×1 projection, each conv followed by BatchNorm (with MNASNet's momentum) and
/// the first two by ReLU. torchvision's <c>apply_residual</c> (<c>inp == oup and stride == 1</c>) is computed. The keys
/// are torchvision's (<c>layers.0.weight</c> … <c>layers.7.num_batches_tracked</c>).
/// </summary>
[Model(Input = ["inp", 28, 28])]
[Residual(When = "inp == oup && stride == 1")]
public partial class MnasInvertedResidual : nn.Module<Tensor, Tensor>
{
    /// <param name="inp">Input channels.</param>
    /// <param name="oup">Output channels.</param>
    /// <param name="kernel">The depthwise conv's kernel size (3 or 5).</param>
    /// <param name="stride">The depthwise conv's stride.</param>
    /// <param name="expansion">The expansion factor of the hidden width.</param>
    /// <param name="momentum">The BatchNorms' momentum.</param>
    public partial MnasInvertedResidual(int inp, int oup, int kernel, int stride, int expansion, double momentum = 0.1);

    [Conv2d("inp", "inp * expansion", 1, Bias = false), BatchNorm2d("inp * expansion", Momentum = "momentum"), ReLU(Inplace = true)]
    [Conv2d("inp * expansion", "inp * expansion", "kernel", Padding = "kernel / 2", Stride = "stride", Groups = "inp * expansion", Bias = false)]
    [BatchNorm2d("inp * expansion", Momentum = "momentum"), ReLU(Inplace = true)]
    [Conv2d("inp * expansion", "oup", 1, Bias = false), BatchNorm2d("oup", Momentum = "momentum")]
    public partial Sequential layers { get; }
}
