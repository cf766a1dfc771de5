using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>Tensors joined and cut along a dimension: <c>cat</c>, <c>stack</c>, <c>chunk</c>, <c>split</c>.</summary>
internal static class JoinShapes
{
    /// <summary><c>torch.cat(tensors, dim)</c>: equal ranks, equal sizes outside <paramref name="dim"/>, which is summed.</summary>
    public static ShapeResult Cat(string name, IReadOnlyList<TensorShape> inputs, long dim)
    {
        var check = new LayerCheck(name);
        if (inputs.Count == 0)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: expected a non-empty list of tensors", "at least 1 tensor", "0");
            return check.Finish(TensorShape.UnknownRank);
        }

        if (inputs.Any(i => !i.IsRankKnown))
        {
            return check.FinishUnknownRank("a tensor's rank is unknown; the concatenation is not checked");
        }

        // PyTorch skips a 1-d tensor of size 0 wherever it stands in the list (a legacy rule); any other tensor with
        // a size of 0 is joined like the rest. A 1-d tensor of a size not known might be such an empty one.
        if (inputs.Any(i => i.Rank == 1 && !i[0].IsKnown))
        {
            return check.FinishUnknownRank("a 1-d tensor of unknown size may be empty, which cat skips; the concatenation is not checked");
        }

        var joined = Enumerable.Range(0, inputs.Count).Where(k => !(inputs[k].Rank == 1 && TensorDims.Is(inputs[k][0], 0))).ToList();
        if (joined.Count == 0)
        {
            return check.Finish(inputs[0]);
        }

        var first = inputs[joined[0]];
        if (!TensorDims.Normalize(check, dim, first.Rank, out var axis))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        foreach (var k in joined.Skip(1))
        {
            if (inputs[k].Rank != first.Rank)
            {
                check.Fail(ShapeFailureKind.ConcatShapeMismatch,
                    $"{name}: tensors must have the same number of dimensions: got {first.Rank} ({TensorDims.Text(first)}) and {inputs[k].Rank} ({TensorDims.Text(inputs[k])}) for tensor number {k}",
                    TensorDims.Text(first), TensorDims.Text(inputs[k]));
                return check.Finish(TensorShape.UnknownRank);
            }
        }

        var output = first.Dims.ToArray();
        output[axis] = TensorDims.Sum(joined.Select(k => inputs[k][axis]));
        foreach (var k in joined.Skip(1))
        {
            for (var i = 0; i < first.Rank; i++)
            {
                if (i == axis)
                {
                    continue;
                }

                switch (output[i].Match(inputs[k][i]))
                {
                    case DimMatch.Different:
                        check.Fail(ShapeFailureKind.ConcatShapeMismatch,
                            $"{name}: sizes of tensors must match except in dimension {axis}; expected size {output[i]} but got size {inputs[k][i]} for tensor number {k} in the list ({string.Join(", ", inputs.Select(TensorDims.Text))})",
                            output[i].ToString(), inputs[k][i].ToString());
                        break;
                    case DimMatch.Undetermined:
                        output[i] = output[i].MoreSpecific(inputs[k][i]);
                        break;
                }
            }
        }

        return check.Finish(TensorShape.Of(output));
    }

    /// <summary><c>torch.stack(tensors, dim)</c>: equal shapes, and a new dimension of the list's length at <paramref name="dim"/>.</summary>
    public static ShapeResult Stack(string name, IReadOnlyList<TensorShape> inputs, long dim)
    {
        var check = new LayerCheck(name);
        if (inputs.Count == 0)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: expected a non-empty list of tensors", "at least 1 tensor", "0");
            return check.Finish(TensorShape.UnknownRank);
        }

        if (inputs.Any(i => !i.IsRankKnown))
        {
            return check.FinishUnknownRank("a tensor's rank is unknown; the stack is not checked");
        }

        var first = inputs[0];
        if (!TensorDims.Normalize(check, dim, first.Rank + 1, out var axis))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        var output = first.Dims.ToArray();
        for (var k = 1; k < inputs.Count; k++)
        {
            var differs = inputs[k].Rank != first.Rank
                || Enumerable.Range(0, first.Rank).Any(i => output[i].Match(inputs[k][i]) == DimMatch.Different);
            if (differs)
            {
                check.Fail(ShapeFailureKind.ConcatShapeMismatch,
                    $"{name}: stack expects each tensor to be equal size, but got {TensorDims.Text(first)} at entry 0 and {TensorDims.Text(inputs[k])} at entry {k}",
                    TensorDims.Text(first), TensorDims.Text(inputs[k]));
                return check.Finish(TensorShape.UnknownRank);
            }

            for (var i = 0; i < first.Rank; i++)
            {
                output[i] = output[i].MoreSpecific(inputs[k][i]);
            }
        }

        return check.Finish(TensorDims.Inserted(TensorShape.Of(output), axis, Dim.Of(inputs.Count)));
    }

    /// <summary>
    /// <c>x.chunk(chunks, dim)</c>: pieces of ⌈size/chunks⌉ along <paramref name="dim"/>, the last one smaller, and
    /// fewer than <paramref name="chunks"/> when they run out. Null pieces when the size is unknown: the count is too.
    /// </summary>
    public static (ShapeResult Result, IReadOnlyList<TensorShape>? Pieces) Chunk(string name, TensorShape input, long chunks, long dim)
    {
        var check = new LayerCheck(name);
        if (chunks <= 0)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: chunk expects 'chunks' to be greater than 0, got {chunks}", "≥ 1", chunks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return (check.Finish(TensorShape.UnknownRank), null);
        }

        if (!input.IsRankKnown)
        {
            return (check.FinishUnknownRank("the rank is unknown"), null);
        }

        if (!TensorDims.Normalize(check, dim, input.Rank, out var axis))
        {
            return (check.Finish(TensorShape.UnknownRank), null);
        }

        if (!input[axis].TryGetValue(out var size))
        {
            return (check.Finish(input.With(axis, Dim.Unknown)), null);
        }

        var piece = size == 0 ? 0 : (size + chunks - 1) / chunks;
        return (check.Finish(input.With(axis, Dim.Of(piece))), Pieces(input, axis, size, piece));
    }

    /// <summary><c>x.split(size, dim)</c>: pieces of <paramref name="size"/>, the last one smaller.</summary>
    public static (ShapeResult Result, IReadOnlyList<TensorShape>? Pieces) SplitEvery(string name, TensorShape input, long size, long dim)
    {
        var check = new LayerCheck(name);
        if (size <= 0)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: split expects a split size of at least 1, got {size}", "≥ 1", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return (check.Finish(TensorShape.UnknownRank), null);
        }

        if (!input.IsRankKnown)
        {
            return (check.FinishUnknownRank("the rank is unknown"), null);
        }

        if (!TensorDims.Normalize(check, dim, input.Rank, out var axis))
        {
            return (check.Finish(TensorShape.UnknownRank), null);
        }

        return input[axis].TryGetValue(out var total)
            ? (check.Finish(input.With(axis, Dim.Of(size))), Pieces(input, axis, total, size))
            : (check.Finish(input.With(axis, Dim.Unknown)), null);
    }

    /// <summary><c>x.split(new long[] { a, b }, dim)</c>: the sizes must add up to the dimension's size.</summary>
    public static (ShapeResult Result, IReadOnlyList<TensorShape>? Pieces) SplitSizes(string name, TensorShape input, IReadOnlyList<Dim> sizes, long dim)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return (check.FinishUnknownRank("the rank is unknown"), sizes.Select(s => TensorShape.UnknownRank).ToList());
        }

        if (!TensorDims.Normalize(check, dim, input.Rank, out var axis))
        {
            return (check.Finish(TensorShape.UnknownRank), null);
        }

        var total = TensorDims.Sum(sizes);
        if (total.Match(input[axis]) == DimMatch.Different)
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{name}: split_with_sizes expects split_sizes to sum exactly to {input[axis]} (the size of dimension {axis} of {TensorDims.Text(input)}), but got split_sizes [{string.Join(", ", sizes)}]",
                input[axis].ToString(), total.ToString());
            return (check.Finish(TensorShape.UnknownRank), null);
        }

        return (check.Finish(input), sizes.Select(s => input.With(axis, s)).ToList());
    }

    private static List<TensorShape> Pieces(TensorShape input, int axis, long total, long piece)
    {
        var pieces = new List<TensorShape>();
        for (var start = 0L; start < total && piece > 0; start += piece)
        {
            pieces.Add(input.With(axis, Dim.Of(System.Math.Min(piece, total - start))));
        }

        return pieces;
    }
}
