using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>
/// What a generated forward does with a learnable tensor of the model (<c>[Parameter(Use = …)]</c>): add it, or put it
/// in front of the sequence. The running tensor is a sample shape; the parameter's shape is whole, its first dimension
/// the one that meets the batch.
/// </summary>
internal static class TokenShapes
{
    /// <summary>
    /// <c>x + p</c> or <c>p * x</c> (<paramref name="operation"/>, for messages). A parameter as long as a batch must have 1
    /// first, to broadcast over any batch size; a shorter one is aligned from the right, as PyTorch aligns it. The sample
    /// dimensions then follow PyTorch's broadcast rule.
    /// </summary>
    public static ShapeResult Broadcast(string name, TensorShape sample, TensorShape parameter, string operation)
    {
        var check = new LayerCheck(name);
        if (!sample.IsRankKnown || !parameter.IsRankKnown)
        {
            return check.FinishUnknownRank($"a rank is unknown; the {operation} is not checked");
        }

        if (parameter.Rank > sample.Rank + 1)
        {
            // PyTorch broadcasts this into a tensor of higher rank, which no declared model means to make.
            return check.FinishUnknownRank($"{parameter} has more dimensions than the batch; the result is not followed");
        }

        if (parameter.Rank == sample.Rank + 1 && !parameter[0].IsOne)
        {
            return check.FinishUnknownRank($"its first dimension, {parameter[0]}, meets the batch; the {operation} holds for one batch size only and is not checked");
        }

        var aligned = parameter.Rank == sample.Rank + 1
            ? parameter.Dims.Skip(1)
            : Enumerable.Repeat(Dim.Of(1), sample.Rank - parameter.Rank).Concat(parameter.Dims);
        return MergeShapes.BroadcastAdd(name, sample, TensorShape.Of(aligned), operation);
    }

    /// <summary>
    /// <c>cat([p.expand(batch, -1, …), x], dim)</c>: <paramref name="parameter"/> has the batch's rank and 1 first, and
    /// every dimension but <paramref name="dim"/> (counting the batch) equal to the sample's.
    /// </summary>
    public static ShapeResult Prepend(string name, TensorShape sample, TensorShape parameter, int dim)
    {
        var check = new LayerCheck(name);
        if (!sample.IsRankKnown || !parameter.IsRankKnown)
        {
            return check.FinishUnknownRank("a rank is unknown; the concatenation is not checked");
        }

        if (parameter.Rank != sample.Rank + 1)
        {
            check.Fail(ShapeFailureKind.ConcatShapeMismatch,
                $"{name}: cannot prepend {parameter} to a batch of {sample}: the parameter needs the batch's {sample.Rank + 1} dimensions, the first of size 1",
                $"{sample.Rank + 1} dimensions", parameter.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!check.BatchedDim(dim, sample.Rank, "dim", out var axis))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (axis < 0)
        {
            return check.FinishUnknownRank("prepends along the batch dimension; the per-sample shape is not followed");
        }

        if (!parameter[0].IsOne)
        {
            // expand(batch, …) repeats a first dimension of 1; any other size works for one batch size only.
            return check.FinishUnknownRank($"its first dimension, {parameter[0]}, is expanded to the batch; that holds only for one batch size and is not checked");
        }

        return MergeShapes.Concat(name, new[] { TensorShape.Of(parameter.Dims.Skip(1)), sample }, dim);
    }
}
