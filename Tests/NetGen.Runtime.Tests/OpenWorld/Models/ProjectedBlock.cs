using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// torchvision's BasicBlock with a hand-written forward and every input size omitted: the projection is called only where
/// it exists (<c>downsample is null ? x : downsample.call(x)</c>), and still takes the block's input channels.
/// </summary>
[Model(Input = ["inC", 8, 8])]
public partial class ProjectedBlock : nn.Module<Tensor, Tensor>
{
    public partial ProjectedBlock(int inC = 8, int outC = 16, int stride = 2);

    [Conv2d("outC", 3, Stride = "stride", Padding = 1), BatchNorm2d, ReLU, Conv2d("outC", 3, Padding = 1), BatchNorm2d]
    public partial Sequential left { get; }

    [When("stride != 1 || inC != outC"), Conv2d("outC", 1, Stride = "stride"), BatchNorm2d]
    public partial Sequential? downsample { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return nn.functional.relu(left.call(x) + (downsample is null ? x : downsample.call(x))).MoveToOuterDisposeScope();
    }
}
