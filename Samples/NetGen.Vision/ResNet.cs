using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>The residual block a <see cref="ResNet"/> is made of, torchvision's <c>block</c> argument.</summary>
public enum ResNetBlock
{
    /// <summary><see cref="BasicBlock"/>: two 3×3 convs (expansion 1), resnet18 and resnet34.</summary>
    Basic,

    /// <summary><see cref="Bottleneck"/>: 1×1, 3×3, 1×1 convs (expansion 4), resnet50 and deeper, ResNeXt and Wide ResNet.</summary>
    Bottleneck,
}

/// <summary>
/// torchvision's <c>ResNet</c> (torchvision 0.14), one class for the resnet, resnext and wide_resnet families, as
/// torchvision's <c>ResNet(block, layers, num_classes, groups, width_per_group)</c> is. The block is a hyperparameter:
/// each stage declares one <c>[Repeat&lt;T&gt;]</c> alternative per block type, and the constructor builds the one whose
/// <c>When</c> holds. The stage depths are torchvision's <c>layers</c>; <c>groups</c> and <c>widthPerGroup</c> reach
/// every <see cref="Bottleneck"/> (ResNeXt's cardinality and width, Wide ResNet's doubled width).
/// The stem is a 7×7 stride-2 conv, BN, ReLU and a 3×3 stride-2 max pool; stage <c>i</c> has <c>64·2^i</c> planes and
/// its first block is strided except in <c>layer1</c> (each block computes whether it needs a <c>downsample</c>
/// shortcut); then global average pooling, flatten and <c>fc</c>. Its state dict is torchvision's, key for key
/// (<c>conv1</c>, <c>bn1</c>, <c>layer1.0.conv1</c>, …, <c>layer2.0.downsample.0</c>, <c>fc</c>), so torchvision's
/// checkpoints load strictly. The defaults are resnet34.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class ResNet : nn.Module<Tensor, Tensor>
{
    private const string IsBasic = "block == ResNetBlock.Basic";
    private const string IsBottleneck = "block == ResNetBlock.Bottleneck";

    /// <param name="block">The residual block of every stage.</param>
    /// <param name="layers1">Blocks in <c>layer1</c> (64 planes).</param>
    /// <param name="layers2">Blocks in <c>layer2</c> (128 planes, stride 2).</param>
    /// <param name="layers3">Blocks in <c>layer3</c> (256 planes, stride 2).</param>
    /// <param name="layers4">Blocks in <c>layer4</c> (512 planes, stride 2).</param>
    /// <param name="numClasses">Outputs of <c>fc</c>.</param>
    /// <param name="groups">The groups of every Bottleneck's 3×3 conv.</param>
    /// <param name="widthPerGroup">torchvision's <c>width_per_group</c>, every Bottleneck's <c>baseWidth</c>.</param>
    public partial ResNet(ResNetBlock block = ResNetBlock.Basic, int layers1 = 3, int layers2 = 4, int layers3 = 6, int layers4 = 3,
        int numClasses = 1000, int groups = 1, int widthPerGroup = 64);

    /// <summary>torchvision's <c>resnet18</c>.</summary>
    public static ResNet ResNet18(int numClasses = 1000) => new(ResNetBlock.Basic, 2, 2, 2, 2, numClasses);

    /// <summary>torchvision's <c>resnet34</c>.</summary>
    public static ResNet ResNet34(int numClasses = 1000) => new(ResNetBlock.Basic, 3, 4, 6, 3, numClasses);

    /// <summary>torchvision's <c>resnet50</c>.</summary>
    public static ResNet ResNet50(int numClasses = 1000) => new(ResNetBlock.Bottleneck, 3, 4, 6, 3, numClasses);

    /// <summary>torchvision's <c>resnet101</c>.</summary>
    public static ResNet ResNet101(int numClasses = 1000) => new(ResNetBlock.Bottleneck, 3, 4, 23, 3, numClasses);

    /// <summary>torchvision's <c>resnet152</c>.</summary>
    public static ResNet ResNet152(int numClasses = 1000) => new(ResNetBlock.Bottleneck, 3, 8, 36, 3, numClasses);

    /// <summary>torchvision's <c>resnext50_32x4d</c>: 32 groups of width 4.</summary>
    public static ResNet ResNeXt50_32X4D(int numClasses = 1000) => new(ResNetBlock.Bottleneck, 3, 4, 6, 3, numClasses, groups: 32, widthPerGroup: 4);

    /// <summary>torchvision's <c>resnext101_32x8d</c>: 32 groups of width 8.</summary>
    public static ResNet ResNeXt101_32X8D(int numClasses = 1000) => new(ResNetBlock.Bottleneck, 3, 4, 23, 3, numClasses, groups: 32, widthPerGroup: 8);

    /// <summary>torchvision's <c>resnext101_64x4d</c>: 64 groups of width 4.</summary>
    public static ResNet ResNeXt101_64X4D(int numClasses = 1000) => new(ResNetBlock.Bottleneck, 3, 4, 23, 3, numClasses, groups: 64, widthPerGroup: 4);

    /// <summary>torchvision's <c>wide_resnet50_2</c>: every Bottleneck twice as wide.</summary>
    public static ResNet WideResNet50_2(int numClasses = 1000) => new(ResNetBlock.Bottleneck, 3, 4, 6, 3, numClasses, widthPerGroup: 128);

    /// <summary>torchvision's <c>wide_resnet101_2</c>: every Bottleneck twice as wide.</summary>
    public static ResNet WideResNet101_2(int numClasses = 1000) => new(ResNetBlock.Bottleneck, 3, 4, 23, 3, numClasses, widthPerGroup: 128);

    [Conv2d(3, 64, 7, Stride = 2, Padding = 3, Bias = false)]
    public partial Conv2d conv1 { get; }

    [BatchNorm2d(64), ReLU(Inplace = true)]
    public partial BatchNorm2d bn1 { get; }

    [MaxPool2d(3, Stride = 2, Padding = 1)]
    public partial MaxPool2d maxpool { get; }

    [Repeat<BasicBlock>("layers1", First = [64, 64, 1], Rest = [64, 64], When = IsBasic)]
    [Repeat<Bottleneck>("layers1", First = [64, 64, 1, "groups", "widthPerGroup"], Rest = [256, 64, 1, "groups", "widthPerGroup"], When = IsBottleneck)]
    public partial Sequential layer1 { get; }

    [Repeat<BasicBlock>("layers2", First = [64, 128, 2], Rest = [128, 128], When = IsBasic)]
    [Repeat<Bottleneck>("layers2", First = [256, 128, 2, "groups", "widthPerGroup"], Rest = [512, 128, 1, "groups", "widthPerGroup"], When = IsBottleneck)]
    public partial Sequential layer2 { get; }

    [Repeat<BasicBlock>("layers3", First = [128, 256, 2], Rest = [256, 256], When = IsBasic)]
    [Repeat<Bottleneck>("layers3", First = [512, 256, 2, "groups", "widthPerGroup"], Rest = [1024, 256, 1, "groups", "widthPerGroup"], When = IsBottleneck)]
    public partial Sequential layer3 { get; }

    [Repeat<BasicBlock>("layers4", First = [256, 512, 2], Rest = [512, 512], When = IsBasic)]
    [Repeat<Bottleneck>("layers4", First = [1024, 512, 2, "groups", "widthPerGroup"], Rest = [2048, 512, 1, "groups", "widthPerGroup"], When = IsBottleneck)]
    public partial Sequential layer4 { get; }

    [AdaptiveAvgPool2d(1), Flatten]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Linear("block == ResNetBlock.Bottleneck ? 2048 : 512", "numClasses")]
    public partial Linear fc { get; }
}
