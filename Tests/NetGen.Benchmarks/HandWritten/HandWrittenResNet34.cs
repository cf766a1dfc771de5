using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace NetGen.Benchmarks.HandWritten;

/// <summary>
/// The seed's ResNet34 written the way a TorchSharp user writes it today: modules as fields registered by
/// <c>RegisterComponents()</c>, a <c>make_layer</c> helper, and a forward inside a dispose scope. Its
/// structure, module names and parameter shapes are exactly those of the generated
/// <see cref="NetGen.Samples.ResNet34"/> (checked by <c>HandWrittenEquivalenceTests</c>), so the two can be
/// timed against each other.
/// </summary>
public sealed class HandWrittenResNet34 : nn.Module<Tensor, Tensor>
{
    private readonly Sequential pre;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;
    private readonly Linear fc;

    public HandWrittenResNet34(int numClasses = 101, int w0 = 64, int w1 = 128, int w2 = 256, int w3 = 512, int w4 = 512)
        : base(nameof(HandWrittenResNet34))
    {
        pre = nn.Sequential(
            nn.Conv2d(3, w0, 7, stride: 2, padding: 3, bias: false),
            nn.BatchNorm2d(w0),
            nn.ReLU(inplace: true),
            nn.MaxPool2d(3, stride: 2, padding: 1));
        layer1 = MakeLayer(w0, w1, 3, stride: 1);
        layer2 = MakeLayer(w1, w2, 4, stride: 2);
        layer3 = MakeLayer(w2, w3, 6, stride: 2);
        layer4 = MakeLayer(w3, w4, 3, stride: 2);
        fc = nn.Linear(w4, numClasses);
        RegisterComponents();
    }

    private static Sequential MakeLayer(int inChannels, int outChannels, int blocks, int stride)
    {
        var layer = nn.Sequential();
        layer.append(new HandWrittenResidualBlock(inChannels, outChannels, stride, projection: true));
        for (var i = 1; i < blocks; i++)
        {
            layer.append(new HandWrittenResidualBlock(outChannels, outChannels));
        }

        return layer;
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = pre.call(x);
        y = layer1.call(y);
        y = layer2.call(y);
        y = layer3.call(y);
        y = layer4.call(y);
        y = F.avg_pool2d(y, 7);
        y = y.flatten(1);
        return fc.call(y).MoveToOuterDisposeScope();
    }
}

/// <summary>The seed's residual block, hand-written: <c>relu(left(x) + (right(x) or x))</c>.</summary>
public sealed class HandWrittenResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential left;
    private readonly Sequential? right;

    public HandWrittenResidualBlock(int inChannels, int outChannels, int stride = 1, bool projection = false)
        : base(nameof(HandWrittenResidualBlock))
    {
        left = nn.Sequential(
            nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false),
            nn.BatchNorm2d(outChannels),
            nn.ReLU(inplace: true),
            nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false),
            nn.BatchNorm2d(outChannels));
        if (projection)
        {
            right = nn.Sequential(
                nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false),
                nn.BatchNorm2d(outChannels));
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var shortcut = right is null ? x : right.call(x);
        return F.relu(left.call(x) + shortcut).MoveToOuterDisposeScope();
    }
}
