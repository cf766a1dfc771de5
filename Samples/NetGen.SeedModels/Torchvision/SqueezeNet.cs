using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Torchvision;

/// <summary>
/// torchvision's <c>squeezenet1_0</c> (torchvision 0.14): the <c>features</c> Sequential of convs, ceil-mode
/// max pools and <see cref="Fire"/> modules, then the <c>classifier</c> Sequential (dropout, 1×1 conv to the
/// classes, ReLU, global average pool) and a flatten. Its state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class SqueezeNet : nn.Module<Tensor, Tensor>
{
    public partial SqueezeNet(int numClasses = 1000);

    [Conv2d(3, 96, 7, Stride = 2), ReLU(Inplace = true), MaxPool2d(3, Stride = 2, CeilMode = true)]
    [Block<Fire>(96, 16, 64, 64), Block<Fire>(128, 16, 64, 64), Block<Fire>(128, 32, 128, 128)]
    [MaxPool2d(3, Stride = 2, CeilMode = true)]
    [Block<Fire>(256, 32, 128, 128), Block<Fire>(256, 48, 192, 192), Block<Fire>(384, 48, 192, 192), Block<Fire>(384, 64, 256, 256)]
    [MaxPool2d(3, Stride = 2, CeilMode = true)]
    [Block<Fire>(512, 64, 256, 256)]
    public partial Sequential features { get; }

    [Dropout(0.5), Conv2d(512, "numClasses", 1), ReLU(Inplace = true), AdaptiveAvgPool2d(1)]
    public partial Sequential classifier { get; }

    [Flatten]
    public partial Flatten flatten { get; }
}
