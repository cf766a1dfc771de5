using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>mobilenet_v2</c> (torchvision 0.14) at width_mult 1.0: <c>features</c> is the stem
/// conv, the 17 inverted-residual blocks of torchvision's setting table (t, c, n, s) =
/// (1,16,1,1) (6,24,2,2) (6,32,3,2) (6,64,4,2) (6,96,3,1) (6,160,3,2) (6,320,1,1) — each block's
/// (in, out, stride, t) written out as torchvision's loop computes them; each block computes its hidden
/// width <c>in * t</c> and whether it adds its input (<c>stride == 1 and in == out</c>) —
/// and the final 1×1 conv to 1280 channels; then global average pooling, flatten and the
/// <c>classifier</c> (dropout 0.2 + linear). Its state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class MobileNetV2 : nn.Module<Tensor, Tensor>
{
    public partial MobileNetV2(int numClasses = 1000);

    [Block<Conv2dNormActivation>(3, 32, 3, 2)]
    [Block<InvertedResidualNoExpansion>(32, 16, 1)]
    [Block<InvertedResidual>(16, 24, 2, 6), Block<InvertedResidual>(24, 24, 1, 6)]
    [Block<InvertedResidual>(24, 32, 2, 6), Block<InvertedResidual>(32, 32, 1, 6), Block<InvertedResidual>(32, 32, 1, 6)]
    [Block<InvertedResidual>(32, 64, 2, 6), Block<InvertedResidual>(64, 64, 1, 6), Block<InvertedResidual>(64, 64, 1, 6), Block<InvertedResidual>(64, 64, 1, 6)]
    [Block<InvertedResidual>(64, 96, 1, 6), Block<InvertedResidual>(96, 96, 1, 6), Block<InvertedResidual>(96, 96, 1, 6)]
    [Block<InvertedResidual>(96, 160, 2, 6), Block<InvertedResidual>(160, 160, 1, 6), Block<InvertedResidual>(160, 160, 1, 6)]
    [Block<InvertedResidual>(160, 320, 1, 6)]
    [Block<Conv2dNormActivation>(320, 1280, 1)]
    public partial Sequential features { get; }

    [AdaptiveAvgPool2d(1), Flatten]
    public partial AdaptiveAvgPool2d pool { get; }

    [Dropout(0.2), Linear(1280, "numClasses")]
    public partial Sequential classifier { get; }
}
