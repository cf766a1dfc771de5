using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Benchmarks.HandWritten;

/// <summary>
/// torchvision's ShuffleNetV2 written the way a TorchSharp user ports it: modules as fields registered by
/// <c>RegisterComponents()</c>, stages built in a loop, and forwards inside dispose scopes. Its names and shapes are
/// those of the generated <see cref="NetGen.Vision.ShuffleNetV2"/> (checked by
/// <c>HandWrittenEquivalenceTests</c>), so the two can be timed against each other on the same weights.
/// </summary>
public sealed class HandWrittenShuffleNetV2 : nn.Module<Tensor, Tensor>
{
    private readonly Sequential conv1;
    private readonly MaxPool2d maxpool;
    private readonly Sequential stage2;
    private readonly Sequential stage3;
    private readonly Sequential stage4;
    private readonly Sequential conv5;
    private readonly Linear fc;

    /// <summary>torchvision's <c>shufflenet_v2_x0_5</c> widths by default.</summary>
    public HandWrittenShuffleNetV2(int c2 = 48, int c3 = 96, int c4 = 192, int c5 = 1024, int numClasses = 1000)
        : base(nameof(HandWrittenShuffleNetV2))
    {
        conv1 = nn.Sequential(nn.Conv2d(3, 24, 3, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(24), nn.ReLU(inplace: true));
        maxpool = nn.MaxPool2d(3, stride: 2, padding: 1);
        stage2 = Stage(24, c2, 4);
        stage3 = Stage(c2, c3, 8);
        stage4 = Stage(c3, c4, 4);
        conv5 = nn.Sequential(nn.Conv2d(c4, c5, 1, bias: false), nn.BatchNorm2d(c5), nn.ReLU(inplace: true));
        fc = nn.Linear(c5, numClasses);
        RegisterComponents();
    }

    private static Sequential Stage(int input, int output, int repeats)
    {
        var stage = nn.Sequential();
        stage.append(new HandWrittenShuffleUnit(input, output, 2));
        for (var i = 1; i < repeats; i++)
        {
            stage.append(new HandWrittenShuffleUnit(output, output, 1));
        }

        return stage;
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = conv1.call(x);
        y = maxpool.call(y);
        y = stage2.call(y);
        y = stage3.call(y);
        y = stage4.call(y);
        y = conv5.call(y);
        y = y.mean([2L, 3L]);
        return fc.call(y).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// torchvision's ShuffleNetV2 <c>InvertedResidual</c>, hand-written: chunk and concatenate at stride 1, two branches at
/// stride 2, then the channel shuffle (libtorch's native <c>channel_shuffle</c>, as the generated model uses, so that
/// the timing compares the forward code and not two shuffle implementations).
/// </summary>
public sealed class HandWrittenShuffleUnit : nn.Module<Tensor, Tensor>
{
    private readonly int stride;
    private readonly Sequential branch1;
    private readonly Sequential branch2;

    public HandWrittenShuffleUnit(int inp, int oup, int stride)
        : base(nameof(HandWrittenShuffleUnit))
    {
        this.stride = stride;
        var half = oup / 2;
        branch1 = stride > 1
            ? nn.Sequential(
                nn.Conv2d(inp, inp, 3, stride: stride, padding: 1, bias: false, groups: inp), nn.BatchNorm2d(inp),
                nn.Conv2d(inp, half, 1, bias: false), nn.BatchNorm2d(half), nn.ReLU(inplace: true))
            : nn.Sequential();
        branch2 = nn.Sequential(
            nn.Conv2d(stride > 1 ? inp : half, half, 1, bias: false), nn.BatchNorm2d(half), nn.ReLU(inplace: true),
            nn.Conv2d(half, half, 3, stride: stride, padding: 1, bias: false, groups: half), nn.BatchNorm2d(half),
            nn.Conv2d(half, half, 1, bias: false), nn.BatchNorm2d(half), nn.ReLU(inplace: true));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor output;
        if (stride == 1)
        {
            var halves = x.chunk(2, 1);
            output = cat([halves[0], branch2.call(halves[1])], 1);
        }
        else
        {
            output = cat([branch1.call(x), branch2.call(x)], 1);
        }

        return output.channel_shuffle(2).MoveToOuterDisposeScope();
    }
}
