using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>
/// PyTorch's broadcasting of two whole tensors (<c>a + b</c>, <c>a * b</c>, <c>masked_fill</c>, …): shapes are
/// aligned from the right, and each pair of sizes must be equal or one of them 1. A mismatch is reported only
/// when both sizes are known; otherwise the result takes the size that any run that does not fail has.
/// </summary>
internal static class BroadcastShapes
{
    /// <param name="kind">What a mismatch is: <see cref="ShapeFailureKind.AddShapeMismatch"/> for an add, <see cref="ShapeFailureKind.BroadcastMismatch"/> otherwise.</param>
    public static ShapeResult Infer(string name, TensorShape left, TensorShape right, ShapeFailureKind kind)
    {
        var check = new LayerCheck(name);
        if (!left.IsRankKnown || !right.IsRankKnown)
        {
            return check.FinishUnknownRank("a rank is unknown; broadcasting not checked");
        }

        var rank = System.Math.Max(left.Rank, right.Rank);
        var output = new Dim[rank];
        for (var i = 1; i <= rank; i++)
        {
            var a = i <= left.Rank ? left[left.Rank - i] : Dim.Of(1);
            var b = i <= right.Rank ? right[right.Rank - i] : Dim.Of(1);
            output[rank - i] = Pair(check, a, b, rank - i, left, right, kind);
        }

        return check.Finish(TensorShape.Of(output));
    }

    /// <summary>A tensor combined with a number: the tensor's shape.</summary>
    public static ShapeResult WithScalar(TensorShape tensor) => ShapeResult.Success(tensor);

    private static Dim Pair(LayerCheck check, Dim a, Dim b, int index, TensorShape left, TensorShape right, ShapeFailureKind kind)
    {
        if (TryPair(a, b, out var size))
        {
            return size;
        }

        check.Fail(kind,
            $"{check.Layer}: the size of tensor a ({a}) must match the size of tensor b ({b}) at non-singleton dimension {index} ({TensorDims.Text(left)} and {TensorDims.Text(right)})",
            TensorDims.Text(left), TensorDims.Text(right));
        return Dim.Unknown;
    }

    /// <summary>
    /// Two sizes that meet in a broadcast (or under one einsum letter): false only when both are known, differ and
    /// neither is 1; otherwise <paramref name="size"/> is what any run that does not fail has there.
    /// </summary>
    public static bool TryPair(Dim a, Dim b, out Dim size)
    {
        if (a.Match(b) == DimMatch.Equal)
        {
            size = a.MoreSpecific(b);
            return true;
        }

        if (TensorDims.Is(a, 1) || TensorDims.Is(b, 1))
        {
            size = TensorDims.Is(a, 1) ? b : a;
            return true;
        }

        // Both known (and so different): a mismatch. One side known and not 1: any run that does not fail has that size.
        size = a.IsKnown && b.IsKnown ? Dim.Unknown : a.IsKnown ? a : b.IsKnown ? b : Dim.Unknown;
        return !(a.IsKnown && b.IsKnown);
    }
}
