using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Torchvision;

/// <summary>
/// torchvision's <c>ResNet</c> with <see cref="Bottleneck"/> (torchvision 0.14): resnet50, resnet101 and resnet152
/// are one class whose stage depths are hyperparameters (<c>new BottleneckResNet(3, 4, 6, 3)</c>, the default, is
/// resnet50). Stage <c>i</c> has <c>64·2^i</c> bottleneck width and <c>4·64·2^i</c> output channels; every block
/// computes its own downsample condition, so <c>layer1.0</c> gets one (64 → 256 channels) as in torchvision.
/// The state dict is torchvision's, key for key, so torchvision's checkpoints load strictly. (The block type cannot be a
/// hyperparameter, since attribute type arguments cannot use type parameters, so this is a class apart from <see cref="ResNet"/>.)
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class BottleneckResNet : nn.Module<Tensor, Tensor>
{
    /// <param name="layers1">Blocks in <c>layer1</c> (width 64).</param>
    /// <param name="layers2">Blocks in <c>layer2</c> (width 128, stride 2).</param>
    /// <param name="layers3">Blocks in <c>layer3</c> (width 256, stride 2).</param>
    /// <param name="layers4">Blocks in <c>layer4</c> (width 512, stride 2).</param>
    /// <param name="numClasses">Outputs of <c>fc</c>.</param>
    public partial BottleneckResNet(int layers1 = 3, int layers2 = 4, int layers3 = 6, int layers4 = 3, int numClasses = 1000);

    /// <summary>torchvision's <c>resnet50</c>: stage depths 3, 4, 6, 3.</summary>
    public static BottleneckResNet ResNet50(int numClasses = 1000) => new(3, 4, 6, 3, numClasses);

    /// <summary>torchvision's <c>resnet101</c>: stage depths 3, 4, 23, 3.</summary>
    public static BottleneckResNet ResNet101(int numClasses = 1000) => new(3, 4, 23, 3, numClasses);

    /// <summary>torchvision's <c>resnet152</c>: stage depths 3, 8, 36, 3.</summary>
    public static BottleneckResNet ResNet152(int numClasses = 1000) => new(3, 8, 36, 3, numClasses);

    [Conv2d(3, 64, 7, Stride = 2, Padding = 3, Bias = false)]
    public partial Conv2d conv1 { get; }

    [BatchNorm2d(64), ReLU(Inplace = true)]
    public partial BatchNorm2d bn1 { get; }

    [MaxPool2d(3, Stride = 2, Padding = 1)]
    public partial MaxPool2d maxpool { get; }

    [Repeat<Bottleneck>("layers1", First = [64, 64], Rest = [256, 64])]
    public partial Sequential layer1 { get; }

    [Repeat<Bottleneck>("layers2", First = [256, 128, 2], Rest = [512, 128])]
    public partial Sequential layer2 { get; }

    [Repeat<Bottleneck>("layers3", First = [512, 256, 2], Rest = [1024, 256])]
    public partial Sequential layer3 { get; }

    [Repeat<Bottleneck>("layers4", First = [1024, 512, 2], Rest = [2048, 512])]
    public partial Sequential layer4 { get; }

    [AdaptiveAvgPool2d(1), Flatten]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Linear(2048, "numClasses")]
    public partial Linear fc { get; }
}
