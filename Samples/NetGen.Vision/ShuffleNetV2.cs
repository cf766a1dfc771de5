using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>ShuffleNetV2</c> (torchvision 0.14), one class for the four widths: the output channels of the
/// stages and of <c>conv5</c> are hyperparameters (torchvision's <c>stages_out_channels</c>), the stage depths are
/// torchvision's 4, 8, 4, and <see cref="X0_5"/> … <see cref="X2_0"/> build the published variants. The stem is a
/// 3×3 stride-2 conv to 24 channels + BN + ReLU and a 3×3 stride-2 max pool; each stage starts with a stride-2
/// <see cref="ShuffleInvertedResidual"/>; then <c>conv5</c> (1×1 conv + BN + ReLU), the global average
/// <c>x.mean([2, 3])</c> and <c>fc</c>. Its state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class ShuffleNetV2 : nn.Module<Tensor, Tensor>
{
    /// <param name="stage2Out">Output channels of <c>stage2</c>.</param>
    /// <param name="stage3Out">Output channels of <c>stage3</c>.</param>
    /// <param name="stage4Out">Output channels of <c>stage4</c>.</param>
    /// <param name="conv5Out">Output channels of <c>conv5</c>, the features <c>fc</c> reads.</param>
    /// <param name="numClasses">Outputs of <c>fc</c>.</param>
    public partial ShuffleNetV2(int stage2Out = 116, int stage3Out = 232, int stage4Out = 464, int conv5Out = 1024, int numClasses = 1000);

    /// <summary>torchvision's <c>shufflenet_v2_x0_5</c>: stages of 48, 96, 192 channels, 1024 features.</summary>
    public static ShuffleNetV2 X0_5(int numClasses = 1000) => new(48, 96, 192, 1024, numClasses);

    /// <summary>torchvision's <c>shufflenet_v2_x1_0</c>: stages of 116, 232, 464 channels, 1024 features.</summary>
    public static ShuffleNetV2 X1_0(int numClasses = 1000) => new(116, 232, 464, 1024, numClasses);

    /// <summary>torchvision's <c>shufflenet_v2_x1_5</c>: stages of 176, 352, 704 channels, 1024 features.</summary>
    public static ShuffleNetV2 X1_5(int numClasses = 1000) => new(176, 352, 704, 1024, numClasses);

    /// <summary>torchvision's <c>shufflenet_v2_x2_0</c>: stages of 244, 488, 976 channels, 2048 features.</summary>
    public static ShuffleNetV2 X2_0(int numClasses = 1000) => new(244, 488, 976, 2048, numClasses);

    [Conv2d(3, 24, 3, Stride = 2, Padding = 1, Bias = false), BatchNorm2d(24), ReLU(Inplace = true)]
    public partial Sequential conv1 { get; }

    [MaxPool2d(3, Stride = 2, Padding = 1)]
    public partial MaxPool2d maxpool { get; }

    [Repeat<ShuffleInvertedResidual>(4, First = [24, "stage2Out", 2], Rest = ["stage2Out", "stage2Out", 1])]
    public partial Sequential stage2 { get; }

    [Repeat<ShuffleInvertedResidual>(8, First = ["stage2Out", "stage3Out", 2], Rest = ["stage3Out", "stage3Out", 1])]
    public partial Sequential stage3 { get; }

    [Repeat<ShuffleInvertedResidual>(4, First = ["stage3Out", "stage4Out", 2], Rest = ["stage4Out", "stage4Out", 1])]
    public partial Sequential stage4 { get; }

    [Conv2d("stage4Out", "conv5Out", 1, Bias = false), BatchNorm2d("conv5Out"), ReLU(Inplace = true)]
    public partial Sequential conv5 { get; }

    [Mean(2, 3), Linear("conv5Out", "numClasses")]
    public partial Linear fc { get; }
}
