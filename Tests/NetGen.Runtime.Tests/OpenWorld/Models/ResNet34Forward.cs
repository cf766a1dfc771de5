using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// The benchmark's hand-written ResNet34 (Tests/NetGen.Benchmarks/HandWritten/HandWrittenResNet34.cs) declared with
/// NetGen: the layers as attributes, the forward as the hand-written one is, line for line.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class ResNet34Forward : nn.Module<Tensor, Tensor>
{
    public partial ResNet34Forward(int numClasses = 101, int w0 = 64, int w1 = 128, int w2 = 256, int w3 = 512, int w4 = 512);

    [Conv2d(3, "w0", 7, Stride = 2, Padding = 3, Bias = false), BatchNorm2d("w0"), ReLU(Inplace = true), MaxPool2d(3, Stride = 2, Padding = 1)]
    public partial Sequential pre { get; }

    [Repeat<ResidualBlockForward>(3, First = ["w0", "w1", 1, true], Rest = ["w1", "w1"])]
    public partial Sequential layer1 { get; }

    [Repeat<ResidualBlockForward>(4, First = ["w1", "w2", 2, true], Rest = ["w2", "w2"])]
    public partial Sequential layer2 { get; }

    [Repeat<ResidualBlockForward>(6, First = ["w2", "w3", 2, true], Rest = ["w3", "w3"])]
    public partial Sequential layer3 { get; }

    [Repeat<ResidualBlockForward>(3, First = ["w3", "w4", 2, true], Rest = ["w4", "w4"])]
    public partial Sequential layer4 { get; }

    [Linear("w4", "numClasses")]
    public partial Linear fc { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = pre.call(x);
        y = layer1.call(y);
        y = layer2.call(y);
        y = layer3.call(y);
        y = layer4.call(y);
        y = nn.functional.avg_pool2d(y, 7);
        y = y.flatten(1);
        return fc.call(y).MoveToOuterDisposeScope();
    }
}

/// <summary>The benchmark's residual block: <c>relu(left(x) + (right(x) or x))</c>, its forward hand-written.</summary>
[Model(Input = ["inChannels", 56, 56])]
public partial class ResidualBlockForward : nn.Module<Tensor, Tensor>
{
    public partial ResidualBlockForward(int inChannels, int outChannels, int stride = 1, bool projection = false);

    [Conv2d("inChannels", "outChannels", 3, Stride = "stride", Padding = 1, Bias = false), BatchNorm2d("outChannels"), ReLU(Inplace = true)]
    [Conv2d("outChannels", "outChannels", 3, Padding = 1, Bias = false), BatchNorm2d("outChannels")]
    public partial Sequential left { get; }

    [When("projection")]
    [Conv2d("inChannels", "outChannels", 1, Stride = "stride", Bias = false), BatchNorm2d("outChannels")]
    public partial Sequential? right { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var shortcut = right is null ? x : right.call(x);
        return nn.functional.relu(left.call(x) + shortcut).MoveToOuterDisposeScope();
    }
}
