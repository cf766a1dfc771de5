using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>MNASNet</c> B1 (torchvision 0.14, version 2), one class for mnasnet0_5, 0_75, 1_0 and 1_3: the
/// width multiplier <paramref name="alpha"/> scales torchvision's depths 32, 16, 24, 40, 80, 96, 192, 320 by
/// <c>_round_to_multiple_of(depth * alpha, 8)</c>, which is <c>make_divisible(depth * alpha, 8)</c> step for step
/// (both round to the nearest multiple, at least 8, and add 8 when that lost more than 10%). <c>layers</c> is ONE
/// Sequential: the stem (a 3×3 stride-2 conv, a depthwise 3×3 conv and a 1×1 conv, each with BatchNorm, the first two
/// with ReLU), six <c>_stack</c>s (each a <c>[Stage&lt;MnasInvertedResidual&gt;]</c>: the first block takes the
/// stack's input width and stride, the others stride 1) and a 1×1 conv to 1280 + BN + ReLU. Every BatchNorm has
/// momentum <c>1 - 0.9997</c>. Then the global mean <c>x.mean([2, 3])</c> and the classifier (dropout, linear). Its
/// state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class MNASNet : nn.Module<Tensor, Tensor>
{
    // torchvision's _get_depths(alpha).
    private const string D0 = "make_divisible(32 * alpha, 8)";
    private const string D1 = "make_divisible(16 * alpha, 8)";
    private const string D2 = "make_divisible(24 * alpha, 8)";
    private const string D3 = "make_divisible(40 * alpha, 8)";
    private const string D4 = "make_divisible(80 * alpha, 8)";
    private const string D5 = "make_divisible(96 * alpha, 8)";
    private const string D6 = "make_divisible(192 * alpha, 8)";
    private const string D7 = "make_divisible(320 * alpha, 8)";

    /// <param name="alpha">The width multiplier.</param>
    /// <param name="numClasses">Outputs of the last linear layer.</param>
    /// <param name="dropout">The classifier's dropout probability.</param>
    /// <param name="momentum">The BatchNorms' momentum: torchvision's <c>_BN_MOMENTUM</c>, TensorFlow's 0.9997 in PyTorch's terms.</param>
    public partial MNASNet(double alpha = 1.0, int numClasses = 1000, double dropout = 0.2, double momentum = 1 - 0.9997);

    /// <summary>torchvision's <c>mnasnet0_5</c>.</summary>
    public static MNASNet Alpha0_5(int numClasses = 1000) => new(0.5, numClasses);

    /// <summary>torchvision's <c>mnasnet0_75</c>.</summary>
    public static MNASNet Alpha0_75(int numClasses = 1000) => new(0.75, numClasses);

    /// <summary>torchvision's <c>mnasnet1_0</c>.</summary>
    public static MNASNet Alpha1_0(int numClasses = 1000) => new(1.0, numClasses);

    /// <summary>torchvision's <c>mnasnet1_3</c>.</summary>
    public static MNASNet Alpha1_3(int numClasses = 1000) => new(1.3, numClasses);

    [Conv2d(3, D0, 3, Padding = 1, Stride = 2, Bias = false), BatchNorm2d(D0, Momentum = "momentum"), ReLU(Inplace = true)]
    [Conv2d(D0, D0, 3, Padding = 1, Stride = 1, Groups = D0, Bias = false), BatchNorm2d(D0, Momentum = "momentum"), ReLU(Inplace = true)]
    [Conv2d(D0, D1, 1, Padding = 0, Stride = 1, Bias = false), BatchNorm2d(D1, Momentum = "momentum")]
    // torchvision's _stack(in, out, kernel, stride, expansion, repeats)
    [Stage<MnasInvertedResidual>(3, Each = ["i == 0 ? " + D1 + " : " + D2, D2, 3, "i == 0 ? 2 : 1", 3, "momentum"], Index = "i")]
    [Stage<MnasInvertedResidual>(3, Each = ["i == 0 ? " + D2 + " : " + D3, D3, 5, "i == 0 ? 2 : 1", 3, "momentum"], Index = "i")]
    [Stage<MnasInvertedResidual>(3, Each = ["i == 0 ? " + D3 + " : " + D4, D4, 5, "i == 0 ? 2 : 1", 6, "momentum"], Index = "i")]
    [Stage<MnasInvertedResidual>(2, Each = ["i == 0 ? " + D4 + " : " + D5, D5, 3, 1, 6, "momentum"], Index = "i")]
    [Stage<MnasInvertedResidual>(4, Each = ["i == 0 ? " + D5 + " : " + D6, D6, 5, "i == 0 ? 2 : 1", 6, "momentum"], Index = "i")]
    [Stage<MnasInvertedResidual>(1, Each = [D6, D7, 3, 1, 6, "momentum"])]
    [Conv2d(D7, 1280, 1, Padding = 0, Stride = 1, Bias = false), BatchNorm2d(1280, Momentum = "momentum"), ReLU(Inplace = true)]
    public partial Sequential layers { get; }

    // torchvision's forward: x.mean([2, 3]), a module without state here.
    [Mean(2, 3)]
    public partial Mean mean { get; }

    [Dropout("dropout", Inplace = true), Linear(1280, "numClasses")]
    public partial Sequential classifier { get; }
}
