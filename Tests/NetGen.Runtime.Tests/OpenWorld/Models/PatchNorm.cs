using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// A vision transformer's patches cut with <c>Tensor.unfold</c>, its tokens scaled to unit length with <c>norm</c> and
/// the pooled token with <c>linalg.vector_norm</c>, every size after the input omitted: 2×3 patches of 3×4×4 become 6
/// tokens of 48, which embed takes.
/// </summary>
[Model(Input = [3, 8, 12])]
public partial class PatchNorm : nn.Module<Tensor, Tensor>
{
    public partial PatchNorm(int classes = 3);

    [Linear(10)] public partial Linear embed { get; }

    [Linear("classes")] public partial Linear head { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var patches = x.unfold(2, 4, 4).unfold(3, 4, 4);                            // [N, 3, 2, 3, 4, 4]
        var tokens = patches.permute(0, 2, 3, 1, 4, 5).flatten(3).flatten(1, 2);    // [N, 6, 48]
        var embedded = embed.call(tokens);
        var unit = embedded / embedded.norm(-1, true);
        var pooled = unit.mean(new long[] { 1 });
        return head.call(pooled / linalg.vector_norm(pooled, dims: new long[] { -1 }, keepdim: true)).MoveToOuterDisposeScope();
    }
}
