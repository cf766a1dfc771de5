using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>GoogLeNet</c> (torchvision 0.14, <c>transform_input=False</c> as with <c>weights=None</c>): a stem of
/// three <see cref="BasicConv2d"/>s and ceil-mode max pools, nine <see cref="Inception"/> modules, global average
/// pooling, dropout and the classifier. The two auxiliary classifiers are <c>[Auxiliary]</c>: they are in the state dict,
/// as torchvision's are, and the generated forward does not run them, as torchvision's eval forward does not. Its state
/// dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class GoogLeNet : nn.Module<Tensor, Tensor>
{
    public partial GoogLeNet(int numClasses = 1000, double dropout = 0.2, double dropoutAux = 0.7);

    [Block(3, 64, 7, 2, 3)]
    public partial BasicConv2d conv1 { get; }

    [MaxPool2d(3, Stride = 2, CeilMode = true)]
    public partial MaxPool2d maxpool1 { get; }

    [Block(64, 64, 1)]
    public partial BasicConv2d conv2 { get; }

    [Block(64, 192, 3, 1, 1)]
    public partial BasicConv2d conv3 { get; }

    [MaxPool2d(3, Stride = 2, CeilMode = true)]
    public partial MaxPool2d maxpool2 { get; }

    [Block(192, 64, 96, 128, 16, 32, 32)]
    public partial Inception inception3a { get; }

    [Block(256, 128, 128, 192, 32, 96, 64)]
    public partial Inception inception3b { get; }

    [MaxPool2d(3, Stride = 2, CeilMode = true)]
    public partial MaxPool2d maxpool3 { get; }

    [Block(480, 192, 96, 208, 16, 48, 64)]
    public partial Inception inception4a { get; }

    [Block(512, 160, 112, 224, 24, 64, 64)]
    public partial Inception inception4b { get; }

    [Block(512, 128, 128, 256, 24, 64, 64)]
    public partial Inception inception4c { get; }

    [Block(512, 112, 144, 288, 32, 64, 64)]
    public partial Inception inception4d { get; }

    [Block(528, 256, 160, 320, 32, 128, 128)]
    public partial Inception inception4e { get; }

    [MaxPool2d(2, Stride = 2, CeilMode = true)]
    public partial MaxPool2d maxpool4 { get; }

    [Block(832, 256, 160, 320, 32, 128, 128)]
    public partial Inception inception5a { get; }

    [Block(832, 384, 192, 384, 48, 128, 128)]
    public partial Inception inception5b { get; }

    [Block(512, "numClasses", "dropoutAux"), Auxiliary]
    public partial InceptionAux aux1 { get; }

    [Block(528, "numClasses", "dropoutAux"), Auxiliary]
    public partial InceptionAux aux2 { get; }

    [AdaptiveAvgPool2d(1), Flatten]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Dropout("dropout")]
    public partial Dropout dropout { get; }

    [Linear(1024, "numClasses")]
    public partial Linear fc { get; }
}
