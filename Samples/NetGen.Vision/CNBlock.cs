using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's ConvNeXt block: <c>input + stochastic_depth(layer_scale * block(input))</c>, where <c>block</c> is a 7×7
/// depthwise conv, a channels-last LayerNorm between two permutes, and an inverted bottleneck of two linears with GELU.
/// The layer scale is a learnable (dim, 1, 1) tensor that multiplies the block's output (<c>ParameterUse.Multiply</c>);
/// torchvision starts it at 1e-6.
/// </summary>
[Model(Input = ["dim", 56, 56])]
[Residual]
public partial class CNBlock : nn.Module<Tensor, Tensor>
{
    public partial CNBlock(int dim = 96, double stochasticDepthProb = 0.0);

    [Conv2d("dim", "dim", 7, Padding = 3, Groups = "dim"), Permute(0, 2, 3, 1), LayerNorm("dim", Eps = 1e-6)]
    [Linear("dim", "4 * dim"), GELU, Linear("4 * dim", "dim"), Permute(0, 3, 1, 2)]
    public partial Sequential block { get; }

    [Parameter("dim", 1, 1, Use = ParameterUse.Multiply), Init(InitKind.Constant, Value = 1e-6)]
    public partial Parameter layer_scale { get; }

    [StochasticDepth("stochasticDepthProb", "row")]
    public partial NetGen.StochasticDepth stochastic_depth { get; }
}
