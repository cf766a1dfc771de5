using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples;

/// <summary>
/// The seed's residual block: <c>relu(left(x) + (right(x) or x))</c>, where <c>right</c> is a 1×1 conv + BN
/// projection that exists only when the block changes shape.
/// </summary>
[Model(Input = ["inChannels", 56, 56])]
[Residual(Shortcut = "right", Activation = Activation.ReLU)]
public partial class ResidualBlock : nn.Module<Tensor, Tensor>
{
    public partial ResidualBlock(int inChannels, int outChannels, int stride = 1, bool projection = false);

    [Conv2d("inChannels", "outChannels", 3, Stride = "stride", Padding = 1, Bias = false)]
    [BatchNorm2d("outChannels")]
    [ReLU(Inplace = true)]
    [Conv2d("outChannels", "outChannels", 3, Padding = 1, Bias = false)]
    [BatchNorm2d("outChannels")]
    public partial Sequential left { get; }

    [When("projection")]
    [Conv2d("inChannels", "outChannels", 1, Stride = "stride", Bias = false)]
    [BatchNorm2d("outChannels")]
    public partial Sequential? right { get; }
}
