using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's ResNet <c>Bottleneck</c> (torchvision 0.14, expansion 4): 1×1 conv to the bottleneck width, 3×3 conv
/// with the stride and <c>groups</c>, 1×1 conv to <c>planes * 4</c>, each with BN, and ReLU after the first two and after
/// the add. The width is torchvision's <c>int(planes * (base_width / 64.0)) * groups</c>: <c>planes</c> for resnet50,
/// <c>planes * 2</c> for resnext50_32x4d (<c>groups</c> 32, <c>baseWidth</c> 4) and wide_resnet50_2 (<c>baseWidth</c> 128). The
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
    /// <param name="groups">The 3×3 conv's groups (ResNeXt's cardinality).</param>
    /// <param name="baseWidth">torchvision's <c>base_width</c>: the width per group at <c>planes</c> 64.</param>
    public partial Bottleneck(int inplanes, int planes, int stride = 1, int groups = 1, int baseWidth = 64);

    /// <summary>torchvision's <c>width = int(planes * (base_width / 64.0)) * groups</c>, exact in integers for every size in a network.</summary>
    private const string Width = "planes * baseWidth / 64 * groups";

    [Conv2d("inplanes", Width, 1, Bias = false)]
    public partial Conv2d conv1 { get; }

    [BatchNorm2d(Width), ReLU(Inplace = true)]
    public partial BatchNorm2d bn1 { get; }

    [Conv2d(Width, Width, 3, Stride = "stride", Padding = 1, Groups = "groups", Bias = false)]
    public partial Conv2d conv2 { get; }

    [BatchNorm2d(Width), ReLU(Inplace = true)]
    public partial BatchNorm2d bn2 { get; }

    [Conv2d(Width, "planes * 4", 1, Bias = false)]
    public partial Conv2d conv3 { get; }

    [BatchNorm2d("planes * 4")]
    public partial BatchNorm2d bn3 { get; }

    [When("stride != 1 || inplanes != planes * 4")]
    [Conv2d("inplanes", "planes * 4", 1, Stride = "stride", Bias = false), BatchNorm2d("planes * 4")]
    public partial Sequential? downsample { get; }
}
