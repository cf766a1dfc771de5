using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>Which of torchvision's two SqueezeNets: 1.1 has a smaller stem and pools earlier, for 2.4× less computation.</summary>
public enum SqueezeNetVersion
{
    /// <summary><c>squeezenet1_0</c>: a 7×7 stem of 96 channels.</summary>
    V1_0,

    /// <summary><c>squeezenet1_1</c>: a 3×3 stem of 64 channels.</summary>
    V1_1,
}

/// <summary>
/// torchvision's <c>SqueezeNet</c> (torchvision 0.14), both versions in one class: the <c>features</c> Sequential of convs,
/// ceil-mode max pools and <see cref="Fire"/> modules, whose children differ by version (<c>When = "version == …"</c>,
/// so the indices are torchvision's for each), then the <c>classifier</c> Sequential (dropout, 1×1 conv to the classes,
/// ReLU, global average pool) and a flatten. Its state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class SqueezeNet : nn.Module<Tensor, Tensor>
{
    public partial SqueezeNet(int numClasses = 1000, SqueezeNetVersion version = SqueezeNetVersion.V1_0);

    /// <summary>torchvision's <c>squeezenet1_0</c>.</summary>
    public static SqueezeNet SqueezeNet1_0(int numClasses = 1000) => new(numClasses, SqueezeNetVersion.V1_0);

    /// <summary>torchvision's <c>squeezenet1_1</c>.</summary>
    public static SqueezeNet SqueezeNet1_1(int numClasses = 1000) => new(numClasses, SqueezeNetVersion.V1_1);

    [Conv2d(3, 96, 7, Stride = 2, When = "version == SqueezeNetVersion.V1_0"), Conv2d(3, 64, 3, Stride = 2, When = "version == SqueezeNetVersion.V1_1")]
    [ReLU(Inplace = true), MaxPool2d(3, Stride = 2, CeilMode = true)]
    [Block<Fire>(96, 16, 64, 64, When = "version == SqueezeNetVersion.V1_0"), Block<Fire>(64, 16, 64, 64, When = "version == SqueezeNetVersion.V1_1")]
    [Block<Fire>(128, 16, 64, 64)]
    [MaxPool2d(3, Stride = 2, CeilMode = true, When = "version == SqueezeNetVersion.V1_1")]
    [Block<Fire>(128, 32, 128, 128)]
    [MaxPool2d(3, Stride = 2, CeilMode = true, When = "version == SqueezeNetVersion.V1_0")]
    [Block<Fire>(256, 32, 128, 128)]
    [MaxPool2d(3, Stride = 2, CeilMode = true, When = "version == SqueezeNetVersion.V1_1")]
    [Block<Fire>(256, 48, 192, 192), Block<Fire>(384, 48, 192, 192), Block<Fire>(384, 64, 256, 256)]
    [MaxPool2d(3, Stride = 2, CeilMode = true, When = "version == SqueezeNetVersion.V1_0")]
    [Block<Fire>(512, 64, 256, 256)]
    public partial Sequential features { get; }

    [Dropout(0.5), Conv2d(512, "numClasses", 1), ReLU(Inplace = true), AdaptiveAvgPool2d(1)]
    public partial Sequential classifier { get; }

    [Flatten]
    public partial Flatten flatten { get; }
}
