using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>Output shape of <c>nn.Flatten(start_dim, end_dim)</c>.</summary>
internal static class FlattenShapes
{
    public static ShapeResult Infer(FlattenSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        if (!input.IsRankKnown)
        {
            // The default Flatten gives one dimension whatever the rank; its size is unknown.
            return spec is { StartDim: 1, EndDim: -1 }
                ? check.Finish(TensorShape.Of(Dim.Unknown))
                : check.FinishUnknownRank("the input's rank is unknown");
        }

        if (!check.BatchedDim(spec.StartDim, input.Rank, "start_dim", out int start)
            || !check.BatchedDim(spec.EndDim, input.Rank, "end_dim", out int end))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (start > end)
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{spec.Name}: start_dim {spec.StartDim} comes after end_dim {spec.EndDim} for a sample {input}",
                $"start_dim ≤ end_dim", $"{spec.StartDim} > {spec.EndDim}");
            return check.Finish(TensorShape.UnknownRank);
        }

        if (start < 0)
        {
            // start_dim is the batch dimension: the result no longer has one sample per row.
            return end < 0
                ? check.Finish(input)
                : check.FinishUnknownRank("flattens the batch dimension into the features; the per-sample shape is lost");
        }

        Dim product = input.Dims.Skip(start).Take(end - start + 1).Aggregate(Dim.Of(1), (p, d) => p * d);
        return check.Finish(TensorShape.Of(input.Dims.Take(start).Append(product).Concat(input.Dims.Skip(end + 1))));
    }
}
