using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Torchvision;

/// <summary>
/// torchvision's <c>mobilenet_v2</c> (torchvision 0.14) at width_mult 1.0: <c>features</c> is the stem
/// conv, the 17 inverted-residual blocks of torchvision's setting table (t, c, n, s) =
/// (1,16,1,1) (6,24,2,2) (6,32,3,2) (6,64,4,2) (6,96,3,1) (6,160,3,2) (6,320,1,1) — each block's
/// (in, out, hidden = in·t, stride, use_res_connect) written out as torchvision's loop computes them —
/// and the final 1×1 conv to 1280 channels; then global average pooling, flatten and the
/// <c>classifier</c> (dropout 0.2 + linear). Its state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class MobileNetV2 : nn.Module<Tensor, Tensor>
{
    public partial MobileNetV2(int numClasses = 1000);

    [Block<Conv2dNormActivation>(3, 32, 3, 2)]
    [Block<InvertedResidualNoExpansion>(32, 16, 1, false)]
    [Block<InvertedResidual>(16, 24, 96, 2, false), Block<InvertedResidual>(24, 24, 144, 1, true)]
    [Block<InvertedResidual>(24, 32, 144, 2, false), Block<InvertedResidual>(32, 32, 192, 1, true), Block<InvertedResidual>(32, 32, 192, 1, true)]
    [Block<InvertedResidual>(32, 64, 192, 2, false), Block<InvertedResidual>(64, 64, 384, 1, true), Block<InvertedResidual>(64, 64, 384, 1, true), Block<InvertedResidual>(64, 64, 384, 1, true)]
    [Block<InvertedResidual>(64, 96, 384, 1, false), Block<InvertedResidual>(96, 96, 576, 1, true), Block<InvertedResidual>(96, 96, 576, 1, true)]
    [Block<InvertedResidual>(96, 160, 576, 2, false), Block<InvertedResidual>(160, 160, 960, 1, true), Block<InvertedResidual>(160, 160, 960, 1, true)]
    [Block<InvertedResidual>(160, 320, 960, 1, false)]
    [Block<Conv2dNormActivation>(320, 1280, 1, 1, 1, 0)]
    public partial Sequential features { get; }

    [AdaptiveAvgPool2d(1), Flatten]
    public partial AdaptiveAvgPool2d pool { get; }

    [Dropout(0.2), Linear(1280, "numClasses")]
    public partial Sequential classifier { get; }
}
