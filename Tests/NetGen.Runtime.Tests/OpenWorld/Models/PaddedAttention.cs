using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// <c>F.pad</c> then <c>F.scaled_dot_product_attention</c> in a hand-written forward, every later input size omitted:
/// the padded feature map (4 channels of 12×10) becomes 4 tokens of 120, which q, k and v take.
/// </summary>
[Model(Input = [1, 8, 8])]
public partial class PaddedAttention : nn.Module<Tensor, Tensor>
{
    public partial PaddedAttention(int classes = 3);

    [Conv2d(4, 3, Padding = 1)] public partial Conv2d conv { get; }

    [Linear(8)] public partial Linear q { get; }

    [Linear(8)] public partial Linear k { get; }

    [Linear(6)] public partial Linear v { get; }

    [Linear("classes")] public partial Linear head { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var tokens = nn.functional.pad(conv.call(x), new long[] { 1, 1, 2, 2 }).flatten(2);
        var attended = nn.functional.scaled_dot_product_attention(q.call(tokens), k.call(tokens), v.call(tokens));
        return head.call(attended.mean(new long[] { 1 })).MoveToOuterDisposeScope();
    }
}
