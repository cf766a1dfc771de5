using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// A ViT-style token head as TorchSharp code writes it: a class token and a position table in Parameter fields, a
/// ModuleList encoder walked with <c>foreach</c>, and a hand-written forward that prepends, adds and selects.
/// </summary>
[Model(Input = [16, 32])]
public partial class FieldTokenNet : nn.Module<Tensor, Tensor>
{
    private readonly Parameter cls = nn.Parameter(zeros(1, 1, 32));
    private readonly Parameter pos = new(randn(1, 17, 32) * 0.02);
    private readonly ModuleList<nn.Module<Tensor, Tensor>> encoder = nn.ModuleList<nn.Module<Tensor, Tensor>>(
        nn.LayerNorm(32), nn.Linear(32, 64), nn.GELU(), nn.Linear(64, 32));
    private readonly Linear head = nn.Linear(32, 4);

    public override Tensor forward(Tensor x)
    {
        x = cat(new[] { cls.expand(x.shape[0], -1, -1), x }, 1);
        x = x + pos;
        var y = x;
        foreach (var layer in encoder)
        {
            y = layer.call(y);
        }

        return head.call((x + y).select(1, 0));
    }
}
