using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's ShuffleNetV2 <c>InvertedResidual</c> (torchvision 0.14), fully declared. At stride 1 the input is
/// split in two along the channels (<c>x1, x2 = x.chunk(2, dim=1)</c>): <c>x1</c> passes on and <c>branch2</c> takes
/// <c>x2</c>. At stride 2 both branches take the whole input, and <c>branch1</c> (a strided depthwise conv + BN and a
/// 1×1 conv + BN + ReLU) exists. The two halves are concatenated and the channels shuffled in 2 groups
/// (torchvision's <c>channel_shuffle(out, 2)</c>). Each branch has <c>oup / 2</c> channels. The keys are
/// torchvision's: <c>branch1.0</c> … <c>branch1.3</c> and <c>branch2.0</c> … <c>branch2.6</c> (<c>shuffle</c> has none).
/// </summary>
[Model(Input = ["inp", 28, 28])]
[Chunk(2, When = "stride == 1")]
public partial class ShuffleInvertedResidual : nn.Module<Tensor, Tensor>
{
    /// <param name="inp">Input channels; at stride 1 they must equal <paramref name="oup"/>.</param>
    /// <param name="oup">Output channels, half from each branch.</param>
    /// <param name="stride">1 (split the input) or 2 (both branches downsample it).</param>
    public partial ShuffleInvertedResidual(int inp, int oup, int stride);

    [Branch, When("stride > 1")]
    [Conv2d("inp", "inp", 3, Stride = "stride", Padding = 1, Groups = "inp", Bias = false), BatchNorm2d("inp")]
    [Conv2d("inp", "oup / 2", 1, Bias = false), BatchNorm2d("oup / 2"), ReLU(Inplace = true)]
    public partial Sequential? branch1 { get; }

    [Branch]
    [Conv2d("stride > 1 ? inp : oup / 2", "oup / 2", 1, Bias = false), BatchNorm2d("oup / 2"), ReLU(Inplace = true)]
    [Conv2d("oup / 2", "oup / 2", 3, Stride = "stride", Padding = 1, Groups = "oup / 2", Bias = false), BatchNorm2d("oup / 2")]
    [Conv2d("oup / 2", "oup / 2", 1, Bias = false), BatchNorm2d("oup / 2"), ReLU(Inplace = true)]
    public partial Sequential branch2 { get; }

    [ChannelShuffle(2)]
    public partial ChannelShuffle shuffle { get; }
}
