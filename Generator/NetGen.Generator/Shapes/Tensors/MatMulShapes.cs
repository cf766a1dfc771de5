using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>Matrix products: <c>matmul</c> (with its 1-d and batched cases), <c>bmm</c>, <c>mm</c>.</summary>
internal static class MatMulShapes
{
    /// <summary><c>a.matmul(b)</c> with PyTorch's rules: 1-d operands become a row or a column, batch dimensions broadcast.</summary>
    public static ShapeResult MatMul(string name, TensorShape left, TensorShape right)
    {
        var check = new LayerCheck(name);
        if (!left.IsRankKnown || !right.IsRankKnown)
        {
            return check.FinishUnknownRank("a rank is unknown; the product is not checked");
        }

        if (left.Rank == 0 || right.Rank == 0)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: both arguments to matmul need to be at least 1D, but they are {left.Rank}D and {right.Rank}D", "≥ 1-d", $"{left.Rank}-d and {right.Rank}-d");
            return check.Finish(TensorShape.UnknownRank);
        }

        // 1-d operands: a row [1, k] on the left, a column [k, 1] on the right, whose extra dimension goes again.
        var a = left.Rank == 1 ? TensorDims.Inserted(left, 0, Dim.Of(1)) : left;
        var b = right.Rank == 1 ? TensorDims.Inserted(right, 1, Dim.Of(1)) : right;
        Inner(check, left, right, a[a.Rank - 1], b[b.Rank - 2]);
        if (check.Failed)
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        var batch = BroadcastShapes.Infer(name, TensorShape.Of(a.Dims.Take(a.Rank - 2)), TensorShape.Of(b.Dims.Take(b.Rank - 2)), ShapeFailureKind.MatMulMismatch);
        if (batch.Failure is { } failure)
        {
            return ShapeResult.Fail(failure);
        }

        var dims = batch.Shape!.Dims.ToList();
        if (left.Rank > 1)
        {
            dims.Add(a[a.Rank - 2]);
        }

        if (right.Rank > 1)
        {
            dims.Add(b[b.Rank - 1]);
        }

        return check.Finish(TensorShape.Of(dims));
    }

    /// <summary>
    /// <c>F.scaled_dot_product_attention(q, k, v)</c>: <c>softmax(q·kᵀ)·v</c>, so the two products' rules hold, and the
    /// result is q's shape with v's last size. A mask, dropout or causality changes no shape.
    /// </summary>
    public static ShapeResult ScaledDotProductAttention(string name, TensorShape query, TensorShape key, TensorShape value)
    {
        if (!query.IsRankKnown || !key.IsRankKnown || !value.IsRankKnown || key.Rank < 2)
        {
            return new LayerCheck(name).FinishUnknownRank("a rank is unknown; the attention is not checked");
        }

        var scores = MatMul(name, query, LayoutShapes.Transpose(name, key, -2, -1).Shape!);
        if (scores.Shape is not { IsRankKnown: true } weights)
        {
            return scores;
        }

        var output = MatMul(name, weights, value);
        return output.Shape is { } shape ? ShapeResult.Success(shape, scores.Unchecked.Concat(output.Unchecked)) : output;
    }

    /// <summary><c>a.bmm(b)</c>: two 3-d tensors with the same batch, no broadcasting.</summary>
    public static ShapeResult Bmm(string name, TensorShape left, TensorShape right) => Exact(name, left, right, 3, "bmm");

    /// <summary><c>a.mm(b)</c>: two matrices.</summary>
    public static ShapeResult Mm(string name, TensorShape left, TensorShape right) => Exact(name, left, right, 2, "mm");

    private static ShapeResult Exact(string name, TensorShape left, TensorShape right, int rank, string op)
    {
        var check = new LayerCheck(name);
        if (!left.IsRankKnown || !right.IsRankKnown)
        {
            return check.FinishUnknownRank("a rank is unknown; the product is not checked");
        }

        if (left.Rank != rank || right.Rank != rank)
        {
            check.Fail(ShapeFailureKind.RankMismatch, $"{name}: {op} expects two {rank}-d tensors, got {TensorDims.Text(left)} and {TensorDims.Text(right)}", $"{rank}-d", $"{left.Rank}-d and {right.Rank}-d");
            return check.Finish(TensorShape.UnknownRank);
        }

        if (rank == 3 && left[0].Match(right[0]) == DimMatch.Different)
        {
            check.Fail(ShapeFailureKind.MatMulMismatch, $"{name}: batch1 and batch2 must have the same batch size, got {TensorDims.Text(left)} and {TensorDims.Text(right)}", left[0].ToString(), right[0].ToString());
            return check.Finish(TensorShape.UnknownRank);
        }

        Inner(check, left, right, left[rank - 1], right[rank - 2]);
        var dims = rank == 3 ? new[] { left[0].MoreSpecific(right[0]), left[1], right[2] } : new[] { left[0], right[1] };
        return check.Finish(TensorShape.Of(dims));
    }

    private static void Inner(LayerCheck check, TensorShape left, TensorShape right, Dim k1, Dim k2)
    {
        if (k1.Match(k2) == DimMatch.Different)
        {
            check.Fail(ShapeFailureKind.MatMulMismatch,
                $"{check.Layer}: shapes {TensorDims.Text(left)} and {TensorDims.Text(right)} cannot be multiplied ({k1} ≠ {k2})",
                k1.ToString(), k2.ToString());
        }
    }
}
