using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's GoogLeNet <c>Inception</c> module: four branches on the same input, concatenated along the channels:
/// a 1×1 conv, 1×1 then 3×3, 1×1 then 3×3 again (torchvision's "5×5" branch uses a 3×3 kernel, to match the weights
/// it was trained with), and a 3×3 max pool then a 1×1 conv.
/// </summary>
[Model(Input = ["inp", 28, 28])]
public partial class Inception : nn.Module<Tensor, Tensor>
{
    public partial Inception(int inp = 192, int ch1x1 = 64, int ch3x3red = 96, int ch3x3 = 128, int ch5x5red = 16, int ch5x5 = 32, int poolProj = 32);

    [Branch, Block("inp", "ch1x1", 1)]
    public partial BasicConv2d branch1 { get; }

    [Branch, Block<BasicConv2d>("inp", "ch3x3red", 1), Block<BasicConv2d>("ch3x3red", "ch3x3", 3, 1, 1)]
    public partial Sequential branch2 { get; }

    [Branch, Block<BasicConv2d>("inp", "ch5x5red", 1), Block<BasicConv2d>("ch5x5red", "ch5x5", 3, 1, 1)]
    public partial Sequential branch3 { get; }

    [Branch, MaxPool2d(3, Stride = 1, Padding = 1, CeilMode = true), Block<BasicConv2d>("inp", "poolProj", 1)]
    public partial Sequential branch4 { get; }
}

/// <summary>
/// torchvision's <c>InceptionAux</c>, GoogLeNet's auxiliary classifier: a 4×4 average pool, a 1×1 conv to 128 channels,
/// and two linears. GoogLeNet declares it <c>[Auxiliary]</c>: it is in the state dict, and only a training step runs it.
/// </summary>
[Model(Input = ["inp", 14, 14])]
public partial class InceptionAux : nn.Module<Tensor, Tensor>
{
    public partial InceptionAux(int inp = 512, int numClasses = 1000, double dropout = 0.7);

    [AdaptiveAvgPool2d(4)]
    public partial AdaptiveAvgPool2d pool { get; }

    [Block("inp", 128, 1), Flatten]
    public partial BasicConv2d conv { get; }

    [Linear(2048, 1024), ReLU(Inplace = true)]
    public partial Linear fc1 { get; }

    [Dropout("dropout")]
    public partial Dropout dropout { get; }

    [Linear(1024, "numClasses")]
    public partial Linear fc2 { get; }
}
