using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's ResNet <c>BasicBlock</c> (torchvision 0.14): <c>relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut)</c>,
/// where the shortcut is <c>downsample</c> (a strided 1×1 conv + BN) exactly where torchvision's <c>_make_layer</c>
/// makes one, <c>stride != 1 or inplanes != planes</c>, computed from the hyperparameters, and the identity elsewhere. torchvision's <c>relu</c> module holds no state, so it is a
/// functional op here; the keys are torchvision's: <c>conv1</c>, <c>bn1</c>, <c>conv2</c>, <c>bn2</c>,
/// <c>downsample.0</c>, <c>downsample.1</c>.
/// </summary>
[Model(Input = ["inplanes", 56, 56])]
[Residual(Shortcut = "downsample", Activation = Activation.ReLU)]
public partial class BasicBlock : nn.Module<Tensor, Tensor>
{
    /// <param name="inplanes">Input channels.</param>
    /// <param name="planes">Output channels.</param>
    /// <param name="stride">The first conv's stride (and the shortcut's).</param>
    public partial BasicBlock(int inplanes, int planes, int stride = 1);

    [Conv2d("inplanes", "planes", 3, Stride = "stride", Padding = 1, Bias = false)]
    public partial Conv2d conv1 { get; }

    [BatchNorm2d("planes"), ReLU(Inplace = true)]
    public partial BatchNorm2d bn1 { get; }

    [Conv2d("planes", "planes", 3, Padding = 1, Bias = false)]
    public partial Conv2d conv2 { get; }

    [BatchNorm2d("planes")]
    public partial BatchNorm2d bn2 { get; }

    [When("stride != 1 || inplanes != planes")]
    [Conv2d("inplanes", "planes", 1, Stride = "stride", Bias = false), BatchNorm2d("planes")]
    public partial Sequential? downsample { get; }
}
