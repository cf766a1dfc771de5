using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples;

/// <summary>
/// The seed's ResNet34 for 101 classes. Its stages widen 64→128→256→512→512 (the seed's own choice, not
/// torchvision's); each stage is PyTorch's <c>make_layer</c>: a first block with the stride and a projection
/// shortcut, then blocks that map out→out. The widths are hyperparameters so a narrow variant is the
/// same class.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class ResNet34 : nn.Module<Tensor, Tensor>
{
    public partial ResNet34(int numClasses = 101, int w0 = 64, int w1 = 128, int w2 = 256, int w3 = 512, int w4 = 512);

    [Conv2d(3, "w0", 7, Stride = 2, Padding = 3, Bias = false)]
    [BatchNorm2d("w0")]
    [ReLU(Inplace = true)]
    [MaxPool2d(3, Stride = 2, Padding = 1)]
    public partial Sequential pre { get; }

    [Repeat<ResidualBlock>(3, First = ["w0", "w1", 1, true], Rest = ["w1", "w1"])]
    public partial Sequential layer1 { get; }

    [Repeat<ResidualBlock>(4, First = ["w1", "w2", 2, true], Rest = ["w2", "w2"])]
    public partial Sequential layer2 { get; }

    [Repeat<ResidualBlock>(6, First = ["w2", "w3", 2, true], Rest = ["w3", "w3"])]
    public partial Sequential layer3 { get; }

    [Repeat<ResidualBlock>(3, First = ["w3", "w4", 2, true], Rest = ["w4", "w4"])]
    public partial Sequential layer4 { get; }

    [AvgPool2d(7), Flatten, Linear("w4", "numClasses")]
    public partial Linear fc { get; }
}
