using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// A token MLP stack as transformer-style TorchSharp code keeps it: a ModuleList of layers the forward walks with
/// <c>foreach</c>, and a ModuleList of NetGen blocks it indexes.
/// </summary>
[Model(Input = [16, 8, 8])]
public partial class FieldModuleListNet : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> stages = nn.ModuleList<nn.Module<Tensor, Tensor>>(
        new FieldConvBnAct(16), new FieldConvBnAct(16, stride: 2));

    private readonly ModuleList<nn.Module<Tensor, Tensor>> mlp = nn.ModuleList<nn.Module<Tensor, Tensor>>(
        nn.Linear(16, 32), nn.GELU(), nn.Linear(32, 16), nn.LayerNorm(16));

    private readonly Linear head = nn.Linear(16, 4);

    public override Tensor forward(Tensor x)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            x = stages[i].call(x);
        }

        x = x.mean(new long[] { 2, 3 });
        foreach (var layer in mlp)
        {
            x = layer.call(x);
        }

        return head.call(x);
    }
}

/// <summary>Sequentials nested in field initializers: a stage of named blocks, and a ModuleList of token MLPs.</summary>
[Model(Input = [3, 16, 16])]
public partial class FieldNestedNet : nn.Module<Tensor, Tensor>
{
    private readonly Sequential features = nn.Sequential(
        ("block1", nn.Sequential(nn.Conv2d(3, 16, 3, padding: 1), nn.BatchNorm2d(16), nn.ReLU())),
        ("pool", nn.MaxPool2d(2)),
        ("block2", nn.Sequential(nn.Conv2d(16, 32, 3, padding: 1), nn.ReLU())));

    private readonly ModuleList<nn.Module<Tensor, Tensor>> mixers = nn.ModuleList<nn.Module<Tensor, Tensor>>(
        nn.Sequential(nn.Linear(32, 64), nn.GELU(), nn.Linear(64, 32)),
        nn.Sequential(nn.Linear(32, 64), nn.GELU(), nn.Linear(64, 32)));

    private readonly Linear head = nn.Linear(32, 10);

    public override Tensor forward(Tensor x)
    {
        x = features.call(x).flatten(2).transpose(1, 2);
        foreach (var mixer in mixers)
        {
            x = x + mixer.call(x);
        }

        return head.call(x.mean(new long[] { 1 }));
    }
}
