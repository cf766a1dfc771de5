using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Torchvision;

/// <summary>
/// torchvision's <c>ResNet</c> with <see cref="BasicBlock"/> (torchvision 0.14), one class for resnet18 and
/// resnet34: the four stage depths are hyperparameters (torchvision's <c>layers</c> list), so
/// <c>new ResNet(2, 2, 2, 2)</c> is resnet18 and <c>new ResNet(3, 4, 6, 3)</c> (the default) is resnet34.
/// The stem is a 7×7 stride-2 conv, BN, ReLU and a 3×3 stride-2 max pool; stage <c>i</c> has 64·2^i channels
/// and its first block is strided except in <c>layer1</c> (each <see cref="BasicBlock"/> computes whether it needs
/// a <c>downsample</c> shortcut); then global average pooling, flatten and <c>fc</c>.
/// Its state dict is torchvision's, key for key (<c>conv1</c>, <c>bn1</c>, <c>layer1.0.conv1</c>, …,
/// <c>layer2.0.downsample.0</c>, <c>fc</c>), so torchvision's checkpoints load strictly.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class ResNet : nn.Module<Tensor, Tensor>
{
    /// <param name="layers1">Blocks in <c>layer1</c> (64 channels).</param>
    /// <param name="layers2">Blocks in <c>layer2</c> (128 channels, stride 2).</param>
    /// <param name="layers3">Blocks in <c>layer3</c> (256 channels, stride 2).</param>
    /// <param name="layers4">Blocks in <c>layer4</c> (512 channels, stride 2).</param>
    /// <param name="numClasses">Outputs of <c>fc</c>.</param>
    public partial ResNet(int layers1 = 3, int layers2 = 4, int layers3 = 6, int layers4 = 3, int numClasses = 1000);

    /// <summary>torchvision's <c>resnet18</c>: stage depths 2, 2, 2, 2.</summary>
    public static ResNet ResNet18(int numClasses = 1000) => new(2, 2, 2, 2, numClasses);

    /// <summary>torchvision's <c>resnet34</c>: stage depths 3, 4, 6, 3.</summary>
    public static ResNet ResNet34(int numClasses = 1000) => new(3, 4, 6, 3, numClasses);

    [Conv2d(3, 64, 7, Stride = 2, Padding = 3, Bias = false)]
    public partial Conv2d conv1 { get; }

    [BatchNorm2d(64), ReLU(Inplace = true)]
    public partial BatchNorm2d bn1 { get; }

    [MaxPool2d(3, Stride = 2, Padding = 1)]
    public partial MaxPool2d maxpool { get; }

    [Repeat<BasicBlock>("layers1", First = [64, 64, 1], Rest = [64, 64])]
    public partial Sequential layer1 { get; }

    [Repeat<BasicBlock>("layers2", First = [64, 128, 2], Rest = [128, 128])]
    public partial Sequential layer2 { get; }

    [Repeat<BasicBlock>("layers3", First = [128, 256, 2], Rest = [256, 256])]
    public partial Sequential layer3 { get; }

    [Repeat<BasicBlock>("layers4", First = [256, 512, 2], Rest = [512, 512])]
    public partial Sequential layer4 { get; }

    [AdaptiveAvgPool2d(1), Flatten]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Linear(512, "numClasses")]
    public partial Linear fc { get; }
}
