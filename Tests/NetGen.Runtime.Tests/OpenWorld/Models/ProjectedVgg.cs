using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// A VGG-like classifier written the PyTorch way, every input size omitted: a plain GELU field without an attribute, and
/// a projection that exists only where the width is not 24, called only where it exists and kept in a local. Whatever
/// the branch, the head receives 24 features.
/// </summary>
[Model(Input = [3, 16, 16])]
public partial class ProjectedVgg : nn.Module<Tensor, Tensor>
{
    public partial ProjectedVgg(int width = 12, int classes = 6);

    [Conv2d("width", 3, Padding = 1), BatchNorm2d] public partial Sequential block1 { get; }

    [Conv2d(24, 3, Padding = 1), BatchNorm2d] public partial Sequential block2 { get; }

    [When("width != 24"), Conv2d(24, 1)] public partial Conv2d? project { get; }

    [Linear("classes")] public partial Linear head { get; }

    private readonly GELU act = nn.GELU();

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.max_pool2d(act.call(block1.call(x)), 2);
        var skip = project is null ? h : project.call(h);
        h = act.call(block2.call(h)) + skip;
        return head.call(h.mean(new long[] { 2, 3 })).MoveToOuterDisposeScope();
    }
}
