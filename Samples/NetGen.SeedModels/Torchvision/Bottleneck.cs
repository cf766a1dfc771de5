using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Torchvision;

/// <summary>
/// torchvision's ResNet <c>Bottleneck</c> (torchvision 0.14, expansion 4): 1×1 conv to <c>planes</c>, 3×3 conv with
/// the stride, 1×1 conv to <c>planes * 4</c>, each with BN, and ReLU after the first two and after the add. The
/// shortcut is <c>downsample</c> (a strided 1×1 conv + BN to <c>planes * 4</c>) exactly where torchvision's
/// <c>_make_layer</c> makes one, <c>stride != 1 or inplanes != planes * block.expansion</c>, and the identity
/// elsewhere. The keys are torchvision's: <c>conv1</c>, <c>bn1</c>, …, <c>conv3</c>, <c>bn3</c>,
/// <c>downsample.0</c>, <c>downsample.1</c>.
/// </summary>
[Model(Input = ["inplanes", 56, 56])]
[Residual(Shortcut = "downsample", Activation = Activation.ReLU)]
public partial class Bottleneck : nn.Module<Tensor, Tensor>
{
    /// <param name="inplanes">Input channels.</param>
    /// <param name="planes">The bottleneck's width; the block outputs <c>planes * 4</c> channels.</param>
    /// <param name="stride">The 3×3 conv's stride (and the shortcut's).</param>
    public partial Bottleneck(int inplanes, int planes, int stride = 1);

    [Conv2d("inplanes", "planes", 1, Bias = false)]
    public partial Conv2d conv1 { get; }

    [BatchNorm2d("planes"), ReLU(Inplace = true)]
    public partial BatchNorm2d bn1 { get; }

    [Conv2d("planes", "planes", 3, Stride = "stride", Padding = 1, Bias = false)]
    public partial Conv2d conv2 { get; }

    [BatchNorm2d("planes"), ReLU(Inplace = true)]
    public partial BatchNorm2d bn2 { get; }

    [Conv2d("planes", "planes * 4", 1, Bias = false)]
    public partial Conv2d conv3 { get; }

    [BatchNorm2d("planes * 4")]
    public partial BatchNorm2d bn3 { get; }

    [When("stride != 1 || inplanes != planes * 4")]
    [Conv2d("inplanes", "planes * 4", 1, Stride = "stride", Bias = false), BatchNorm2d("planes * 4")]
    public partial Sequential? downsample { get; }
}
