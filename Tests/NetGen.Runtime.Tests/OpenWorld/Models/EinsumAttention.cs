using NetGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// Attention written with <c>torch.einsum</c>, scaled by <c>Math.Sqrt</c> of a size read from the end of a shape and with
/// dropout only while training, every later input size omitted. <c>tail</c> reads an implicit-output
/// einsum: "jd,id" is "jd,id->ij", so with 5 query rows (j) and 3 key rows (i) it receives [3, 5] and takes 5 features.
/// </summary>
[Model(Input = [5, 16])]
public partial class EinsumAttention : nn.Module<Tensor, Tensor>
{
    public partial EinsumAttention(int classes = 3);

    [Linear(8)] public partial Linear q { get; }

    [Linear(8)] public partial Linear k { get; }

    [Linear(12)] public partial Linear v { get; }

    [Linear("classes")] public partial Linear head { get; }

    [Linear("classes")] public partial Linear tail { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var queries = q.call(x);
        var keys = k.call(x);
        var scores = torch.einsum("bid,bjd->bij", queries, keys).mul(1.0 / System.Math.Sqrt(keys.shape[^1])).softmax(-1);
        if (training)
        {
            scores = nn.functional.dropout(scores, 0.1);
        }

        var mixed = torch.einsum("bij,bjd->bid", scores, v.call(x));
        var order = torch.einsum("jd,id", queries[0], keys[0].narrow(0, 0, 3));
        return (head.call(mixed.mean(new long[] { 1 })) + tail.call(order).sum()).MoveToOuterDisposeScope();
    }
}
