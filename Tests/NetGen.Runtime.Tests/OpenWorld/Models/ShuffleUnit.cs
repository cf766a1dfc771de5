using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>A ShuffleNet v2 unit (stride 1): half the channels pass, half go through the branch, then the channels are shuffled.</summary>
[Model(Input = [16, 6, 6])]
public partial class ShuffleUnit : nn.Module<Tensor, Tensor>
{
    public partial ShuffleUnit(int half = 8);

    [Conv2d("half", "half", 1, Bias = false), BatchNorm2d("half"), ReLU]
    [Conv2d("half", "half", 3, Padding = 1, Groups = "half", Bias = false), BatchNorm2d("half")]
    [Conv2d("half", "half", 1, Bias = false), BatchNorm2d("half"), ReLU]
    public partial Sequential branch2 { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var halves = x.chunk(2, 1);
        var joined = cat(new[] { halves[0], branch2.call(halves[1]) }, 1);
        var (n, c, h, w) = (joined.shape[0], joined.shape[1], joined.shape[2], joined.shape[3]);
        return joined.view(n, 2, c / 2, h, w).transpose(1, 2).contiguous().view(n, c, h, w).MoveToOuterDisposeScope();
    }
}
