using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>Reductions (<c>mean</c>, <c>sum</c>, <c>amax</c>, …) and operations along one dimension (<c>softmax</c>).</summary>
internal static class ReductionShapes
{
    /// <summary>Over <paramref name="dims"/>, or every dimension when null; kept as size 1 with <paramref name="keepDim"/>.</summary>
    public static ShapeResult Reduce(string name, TensorShape input, IReadOnlyList<long>? dims, bool keepDim)
    {
        var check = new LayerCheck(name);
        if (dims is null || dims.Count == 0)
        {
            return check.Finish(!keepDim ? TensorShape.Of(System.Array.Empty<Dim>()) : input.IsRankKnown ? TensorShape.Of(input.Dims.Select(_ => Dim.Of(1))) : TensorShape.UnknownRank);
        }

        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the rank is unknown");
        }

        var reduced = new HashSet<int>();
        foreach (var dim in dims)
        {
            if (!TensorDims.Normalize(check, dim, input.Rank, out var index))
            {
                return check.Finish(TensorShape.UnknownRank);
            }

            if (!reduced.Add(index))
            {
                check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: dim {index} appears multiple times in the list of dims", "each dim once", string.Join(", ", dims));
                return check.Finish(TensorShape.UnknownRank);
            }
        }

        var output = input.Dims.Select((d, i) => (d, i)).Where(p => keepDim || !reduced.Contains(p.i)).Select(p => reduced.Contains(p.i) ? Dim.Of(1) : p.d);
        return check.Finish(input.Rank == 0 ? input : TensorShape.Of(output));
    }

    /// <summary>An operation along one dimension that keeps the shape (<c>softmax</c>, <c>cumsum</c>): the dim must exist.</summary>
    public static ShapeResult AlongDim(string name, TensorShape input, long dim)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank($"dim {dim} not checked: the rank is unknown");
        }

        TensorDims.Normalize(check, dim, input.Rank, out _);
        return check.Finish(input);
    }
}
