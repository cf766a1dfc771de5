using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>torchvision's VGG configurations (<c>cfgs</c> in torchvision 0.14's vgg.py), by their letter.</summary>
public enum VggConfig
{
    /// <summary>vgg11: 8 convs.</summary>
    A,
    /// <summary>vgg13: 10 convs.</summary>
    B,
    /// <summary>vgg16: 13 convs.</summary>
    D,
    /// <summary>vgg19: 16 convs.</summary>
    E,
}

/// <summary>
/// torchvision's <c>VGG</c> (torchvision 0.14), one class for all eight variants: <c>features</c> is ONE flat indexed
/// Sequential built, as torchvision's <c>make_layers</c> builds it, from a row of the configuration table
/// <see cref="Cfgs"/> (channel counts, and 0 where torchvision writes "M" for a 2×2 max pool): each count adds a 3×3
/// conv from the channels the previous one left, a BatchNorm when <c>batchNorm</c> is set, and a ReLU, each under
/// the next free index (<c>features.0.weight</c>, <c>features.1.running_mean</c>, …). Then a 7×7 adaptive average
/// pool, flatten, and the classifier (<c>classifier.0</c>, <c>.3</c>, <c>.6</c>). Its state dict is torchvision's,
/// key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class Vgg : nn.Module<Tensor, Tensor>
{
    /// <summary>torchvision's <c>cfgs</c> "A", "B", "D" and "E" in <see cref="VggConfig"/>'s order; 0 is torchvision's "M".</summary>
    private static readonly int[][] Cfgs =
    [
        [64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0],
        [64, 64, 0, 128, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0],
        [64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0],
        [64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0, 512, 512, 512, 512, 0, 512, 512, 512, 512, 0],
    ];

    /// <param name="config">Which row of <see cref="Cfgs"/> builds <c>features</c>.</param>
    /// <param name="batchNorm">Whether each conv is followed by a BatchNorm (the <c>_bn</c> variants).</param>
    /// <param name="numClasses">Outputs of the last linear layer.</param>
    /// <param name="dropout">The classifier's dropout probability.</param>
    public partial Vgg(VggConfig config = VggConfig.A, bool batchNorm = false, int numClasses = 1000, double dropout = 0.5);

    /// <summary>torchvision's <c>vgg11</c>.</summary>
    public static Vgg Vgg11(int numClasses = 1000) => new(VggConfig.A, false, numClasses);

    /// <summary>torchvision's <c>vgg11_bn</c>.</summary>
    public static Vgg Vgg11BN(int numClasses = 1000) => new(VggConfig.A, true, numClasses);

    /// <summary>torchvision's <c>vgg13</c>.</summary>
    public static Vgg Vgg13(int numClasses = 1000) => new(VggConfig.B, false, numClasses);

    /// <summary>torchvision's <c>vgg13_bn</c>.</summary>
    public static Vgg Vgg13BN(int numClasses = 1000) => new(VggConfig.B, true, numClasses);

    /// <summary>torchvision's <c>vgg16</c>.</summary>
    public static Vgg Vgg16(int numClasses = 1000) => new(VggConfig.D, false, numClasses);

    /// <summary>torchvision's <c>vgg16_bn</c>.</summary>
    public static Vgg Vgg16BN(int numClasses = 1000) => new(VggConfig.D, true, numClasses);

    /// <summary>torchvision's <c>vgg19</c>.</summary>
    public static Vgg Vgg19(int numClasses = 1000) => new(VggConfig.E, false, numClasses);

    /// <summary>torchvision's <c>vgg19_bn</c>.</summary>
    public static Vgg Vgg19BN(int numClasses = 1000) => new(VggConfig.E, true, numClasses);

    [ForEach("Cfgs[config]", Item = "v", Carry = "c", Start = 3, Next = "v == 0 ? c : v")]
    [MaxPool2d(2, Stride = 2, When = "v == 0")]
    [Conv2d("c", "v", 3, Padding = 1, When = "v != 0")]
    [BatchNorm2d("v", When = "v != 0 && batchNorm")]
    [ReLU(Inplace = true, When = "v != 0")]
    public partial Sequential features { get; }

    [AdaptiveAvgPool2d(7), Flatten]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Linear(512 * 7 * 7, 4096), ReLU(Inplace = true), Dropout("dropout")]
    [Linear(4096, 4096), ReLU(Inplace = true), Dropout("dropout")]
    [Linear(4096, "numClasses")]
    public partial Sequential classifier { get; }
}
