using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>What one index of <c>x[…]</c> does, for <see cref="IndexShapes.Index"/>.</summary>
internal enum IndexKind
{
    Single,
    Slice,
    Ellipsis,
    NewAxis,
    Other,
}

/// <summary>One index: a position, a slice with optional bounds (negative counts from the end) and step, <c>...</c>, a new axis, or something not modelled.</summary>
internal readonly record struct TensorIndex(IndexKind Kind, long? Start = null, long? Stop = null, long? Step = null, bool Unknown = false);

/// <summary>Indexing, <c>narrow</c> and <c>select</c>.</summary>
internal static class IndexShapes
{
    /// <summary><c>x[i, a..b, ...]</c> with PyTorch's (Python's) slice semantics; an index past a known size is an error.</summary>
    public static ShapeResult Index(string name, TensorShape input, IReadOnlyList<TensorIndex> indices)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown || indices.Any(i => i.Kind == IndexKind.Other))
        {
            return check.FinishUnknownRank("the rank is unknown, or an index is a tensor");
        }

        var consumed = indices.Count(i => i.Kind is IndexKind.Single or IndexKind.Slice);
        if (consumed > input.Rank || indices.Count(i => i.Kind == IndexKind.Ellipsis) > 1)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: too many indices for a tensor of dimension {input.Rank} ({TensorDims.Text(input)})",
                $"at most {input.Rank} indices", consumed.ToString(CultureInfo.InvariantCulture));
            return check.Finish(TensorShape.UnknownRank);
        }

        var output = new List<Dim>();
        var dim = 0;
        foreach (var index in indices)
        {
            switch (index.Kind)
            {
                case IndexKind.Ellipsis:
                    var skipped = input.Rank - consumed;
                    output.AddRange(input.Dims.Skip(dim).Take(skipped));
                    dim += skipped;
                    break;
                case IndexKind.NewAxis:
                    output.Add(Dim.Of(1));
                    break;
                case IndexKind.Single:
                    Position(check, input, dim, index);
                    dim++;
                    break;
                case IndexKind.Slice:
                    output.Add(Slice(check, input[dim], index));
                    dim++;
                    break;
            }
        }

        output.AddRange(input.Dims.Skip(dim));
        return check.Finish(TensorShape.Of(output));
    }

    /// <summary><c>x.narrow(dim, start, length)</c>: the window must lie inside the dimension.</summary>
    public static ShapeResult Narrow(string name, TensorShape input, long dim, Dim start, Dim length)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the rank is unknown");
        }

        if (!TensorDims.Normalize(check, dim, input.Rank, out var axis))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (length.IsKnown && length.Value < 0)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: narrow(): length must be non-negative, got {length}", "≥ 0", length.ToString());
        }
        else if (input[axis].TryGetValue(out var size) && start.TryGetValue(out var first) && length.TryGetValue(out var count))
        {
            var from = first < 0 ? first + size : first;
            if (from < 0 || from > size || from + count > size)
            {
                check.Fail(ShapeFailureKind.InvalidArgument,
                    $"{name}: start ({first}) + length ({count}) exceeds dimension size ({size}) of dimension {axis} of {TensorDims.Text(input)}",
                    $"start + length ≤ {size}", (from + count).ToString(CultureInfo.InvariantCulture));
            }
        }

        return check.Finish(input.With(axis, length));
    }

    /// <summary><c>x.select(dim, index)</c>: the dimension goes.</summary>
    public static ShapeResult Select(string name, TensorShape input, long dim, long? index)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the rank is unknown");
        }

        if (!TensorDims.Normalize(check, dim, input.Rank, out var axis))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        Position(check, input, axis, new TensorIndex(IndexKind.Single, index, Unknown: index is null));
        return check.Finish(TensorDims.Without(input, axis));
    }

    private static void Position(LayerCheck check, TensorShape input, int dim, TensorIndex index)
    {
        if (!index.Unknown && index.Start is { } position && input[dim].TryGetValue(out var size) && (position >= size || position < -size))
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{check.Layer}: index {position} is out of bounds for dimension {dim} with size {size} ({TensorDims.Text(input)})",
                $"{-size} to {size - 1}", position.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The length of a slice, as Python computes it (bounds clamped); unknown where the size or a bound is.</summary>
    private static Dim Slice(LayerCheck check, Dim size, TensorIndex slice)
    {
        var step = slice.Step ?? 1;
        if (!slice.Unknown && step <= 0)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{check.Layer}: slice step must be positive, got {step}", "≥ 1", step.ToString(CultureInfo.InvariantCulture));
            return Dim.Unknown;
        }

        if (slice.Unknown)
        {
            return Dim.Unknown;
        }

        if (slice.Start is null && slice.Stop is null && step == 1)
        {
            return size;
        }

        if (!size.TryGetValue(out var n))
        {
            return Dim.Unknown;
        }

        long Clamp(long? bound, long fallback) => bound is not { } b ? fallback : b < 0 ? System.Math.Max(0, b + n) : System.Math.Min(b, n);
        var start = Clamp(slice.Start, 0);
        var stop = Clamp(slice.Stop, n);
        return Dim.Of(stop <= start ? 0 : (stop - start + step - 1) / step);
    }
}
