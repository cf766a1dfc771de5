using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's Inception v3 <c>InceptionAux</c>: a 5×5 average pool with stride 3, a 1×1 conv to 128 channels, a 5×5
/// conv to 768, global average pooling and the classifier. <see cref="InceptionV3"/> declares it <c>[Auxiliary]</c>: it
/// is in the state dict, and only a training step runs it. torchvision's pools are functional; here the first is a
/// member without state (<c>pool</c>), which adds no key.
/// </summary>
[Model(Input = ["inp", 17, 17])]
public partial class InceptionV3Aux : nn.Module<Tensor, Tensor>
{
    public partial InceptionV3Aux(int inp = 768, int numClasses = 1000);

    [AvgPool2d(5, Stride = 3)]
    public partial AvgPool2d pool { get; }

    [Block("inp", 128, 1)]
    public partial BasicConv2d conv0 { get; }

    [Block(128, 768, 5), AdaptiveAvgPool2d(1), Flatten]
    public partial BasicConv2d conv1 { get; }

    [Linear(768, "numClasses")]
    public partial Linear fc { get; }
}
