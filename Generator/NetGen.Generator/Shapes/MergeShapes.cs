using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>Shapes where branches meet: a residual add and a concatenation.</summary>
internal static class MergeShapes
{
    /// <summary>
    /// A residual add as NetGen checks it: both sides must have equal shapes. PyTorch would also
    /// broadcast a size-1 dimension (see <see cref="BroadcastAdd"/>); in a residual block that is
    /// almost always a missing projection, so it is an error here.
    /// </summary>
    public static ShapeResult Add(string name, TensorShape left, TensorShape right) =>
        Combine(name, left, right, broadcast: false, "add");

    /// <summary>
    /// <c>left + right</c> exactly as PyTorch computes it on two batches: equal dimensions, or one of
    /// them 1. Samples of different ranks are refused, since whether PyTorch accepts them depends on the batch size.
    /// </summary>
    public static ShapeResult BroadcastAdd(string name, TensorShape left, TensorShape right, string operation = "add") =>
        Combine(name, left, right, broadcast: true, operation);

    /// <summary>
    /// <c>torch.cat(inputs, dim)</c>, <paramref name="dim"/> counting the batch dimension (1 is channels).
    /// All inputs need the same rank and equal sizes outside <paramref name="dim"/>.
    /// </summary>
    public static ShapeResult Concat(string name, IReadOnlyList<TensorShape> inputs, int dim)
    {
        var check = new LayerCheck(name);
        if (inputs.Count == 0)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: nothing to concatenate", "at least 1 input", "0");
            return check.Finish(TensorShape.UnknownRank);
        }

        if (inputs.Any(i => !i.IsRankKnown))
        {
            return check.FinishUnknownRank("an input's rank is unknown; the concatenation is not checked");
        }

        TensorShape first = inputs[0];
        TensorShape? otherRank = inputs.FirstOrDefault(i => i.Rank != first.Rank);
        if (otherRank is not null)
        {
            check.Fail(ShapeFailureKind.ConcatShapeMismatch,
                $"{name}: cannot concatenate {first} and {otherRank}: they have different ranks", first.ToString(), otherRank.ToString());
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!check.BatchedDim(dim, first.Rank, "dim", out int axis))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        Dim[] output = first.Dims.ToArray();
        if (axis >= 0)
        {
            output[axis] = inputs.Select(i => i[axis]).Aggregate((sum, d) => sum + d);
        }

        foreach (TensorShape input in inputs.Skip(1))
        {
            for (int i = 0; i < first.Rank; i++)
            {
                if (i == axis)
                {
                    continue;
                }

                switch (first[i].Match(input[i]))
                {
                    case DimMatch.Different:
                        check.Fail(ShapeFailureKind.ConcatShapeMismatch,
                            $"{name}: cannot concatenate {first} and {input} along dim {dim}: sizes differ in dim {i + 1} ({first[i]} vs {input[i]})",
                            first[i].ToString(), input[i].ToString());
                        break;
                    case DimMatch.Undetermined:
                        check.Note($"dim {i + 1} not checked: {first[i]} vs {input[i]}");
                        output[i] = output[i].MoreSpecific(input[i]);
                        break;
                }
            }
        }

        return check.Finish(TensorShape.Of(output));
    }

    private static ShapeResult Combine(string name, TensorShape left, TensorShape right, bool broadcast, string operation)
    {
        var check = new LayerCheck(name);
        if (!left.IsRankKnown || !right.IsRankKnown)
        {
            check.Note($"{operation} of {left} and {right} not checked: a rank is unknown");
            return check.Finish(left.IsRankKnown ? left : right);
        }

        if (left.Rank != right.Rank)
        {
            check.Fail(ShapeFailureKind.AddShapeMismatch,
                $"{name}: cannot {operation} {left} and {right}: they have different ranks", left.ToString(), right.ToString());
            return check.Finish(TensorShape.UnknownRank);
        }

        var output = new Dim[left.Rank];
        for (int i = 0; i < left.Rank; i++)
        {
            Dim a = left[i], b = right[i];
            DimMatch match = a.Match(b);
            if (match == DimMatch.Equal)
            {
                output[i] = a.MoreSpecific(b);
            }
            else if (broadcast && a.IsOne)
            {
                output[i] = b;
            }
            else if (broadcast && b.IsOne)
            {
                output[i] = a;
            }
            else if (match == DimMatch.Different)
            {
                string rule = broadcast ? "sizes must be equal or 1" : "shapes must be equal";
                check.Fail(ShapeFailureKind.AddShapeMismatch,
                    $"{name}: cannot {operation} {left} and {right}: dim {i + 1} differs ({a} vs {b}); {rule}",
                    left.ToString(), right.ToString());
            }
            else
            {
                check.Note($"dim {i + 1} not checked: {a} vs {b}");
                output[i] = broadcast && !(a.IsKnown || b.IsKnown) ? Dim.Unknown : a.MoreSpecific(b);
            }
        }

        return check.Finish(TensorShape.Of(output));
    }
}
