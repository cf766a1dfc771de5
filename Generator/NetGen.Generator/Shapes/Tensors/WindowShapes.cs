using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>
/// <c>x.unfold(dimension, size, step)</c>: the windows of <c>size</c> along a dimension, <c>step</c> apart. The dimension
/// becomes the number of windows and a new last dimension holds each window, as patch extraction uses it.
/// </summary>
internal static class WindowShapes
{
    public static ShapeResult Unfold(string name, TensorShape input, long dimension, Dim size, Dim step)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the rank is unknown");
        }

        if (!TensorDims.Normalize(check, dimension, input.Rank, out var axis))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (step.TryGetValue(out var stride) && stride <= 0)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: step is {stride} but must be > 0", "> 0", step.ToString());
            return check.Finish(TensorShape.UnknownRank);
        }

        if (size.TryGetValue(out var width) && width < 0)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: size is {width} but must be ≥ 0", "≥ 0", size.ToString());
            return check.Finish(TensorShape.UnknownRank);
        }

        // A 0-dimensional tensor counts as one element along dimension 0 and keeps no dimension for the windows.
        var length = input.Rank == 0 ? Dim.Of(1) : input[axis];
        if (length.TryGetValue(out var available) && size.TryGetValue(out width) && width > available)
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{name}: maximum size for tensor at dimension {axis} is {available} but size is {width} ({TensorDims.Text(input)})",
                $"≤ {available}", size.ToString());
            return check.Finish(TensorShape.UnknownRank);
        }

        var windows = length.TryGetValue(out available) && size.TryGetValue(out width) && step.TryGetValue(out stride)
            ? Dim.Of((available - width) / stride + 1)
            : Dim.Unknown;
        var dims = input.Rank == 0 ? new[] { size } : input.Dims.Select((d, i) => i == axis ? windows : d).Append(size).ToArray();
        return check.Finish(TensorShape.Of(dims));
    }
}
