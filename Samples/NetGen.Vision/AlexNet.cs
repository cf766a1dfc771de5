using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>alexnet</c> (torchvision 0.14, alexnet.py): five convolutions with ReLUs and three max pools in
/// <c>features</c>, a 6×6 adaptive average pool, and a <c>classifier</c> of dropouts and three linear layers. Fully
/// declarative; its state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class AlexNet : nn.Module<Tensor, Tensor>
{
    public partial AlexNet(int numClasses = 1000, double dropout = 0.5);

    [Conv2d(3, 64, 11, Stride = 4, Padding = 2), ReLU(Inplace = true), MaxPool2d(3, Stride = 2)]
    [Conv2d(64, 192, 5, Padding = 2), ReLU(Inplace = true), MaxPool2d(3, Stride = 2)]
    [Conv2d(192, 384, 3, Padding = 1), ReLU(Inplace = true)]
    [Conv2d(384, 256, 3, Padding = 1), ReLU(Inplace = true)]
    [Conv2d(256, 256, 3, Padding = 1), ReLU(Inplace = true), MaxPool2d(3, Stride = 2)]
    public partial Sequential features { get; }

    [AdaptiveAvgPool2d(6), Flatten]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Dropout("dropout"), Linear(256 * 6 * 6, 4096), ReLU(Inplace = true)]
    [Dropout("dropout"), Linear(4096, 4096), ReLU(Inplace = true)]
    [Linear(4096, "numClasses")]
    public partial Sequential classifier { get; }
}
