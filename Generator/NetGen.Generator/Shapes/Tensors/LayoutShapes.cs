using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>
/// Operations that rearrange a tensor's elements without computing: <c>view</c>/<c>reshape</c>, <c>flatten</c>,
/// <c>permute</c>, <c>transpose</c>, <c>unsqueeze</c>, <c>squeeze</c>, <c>expand</c>, <c>repeat</c>.
/// </summary>
internal static class LayoutShapes
{
    /// <summary>
    /// <c>x.view(sizes)</c> and <c>x.reshape(sizes)</c>: at most one -1, which takes what is left; the element
    /// counts must agree. With symbols (the batch <c>N</c>), counts that differ for every value are a mismatch.
    /// </summary>
    public static ShapeResult View(string name, TensorShape input, IReadOnlyList<Dim> sizes)
    {
        var check = new LayerCheck(name);
        var inferred = sizes.Select((d, i) => (d, i)).Where(p => TensorDims.Is(p.d, -1)).Select(p => p.i).ToList();
        var bad = sizes.FirstOrDefault(d => d.IsKnown && d.Value < -1);
        var target = "[" + string.Join(", ", sizes) + "]";
        if (inferred.Count > 1 || bad.IsKnown)
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                inferred.Count > 1 ? $"{name}: only one dimension can be inferred, in shape {target}" : $"{name}: invalid shape dimension {bad} in {target}",
                "sizes ≥ 0 and at most one -1", target);
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!input.IsRankKnown)
        {
            // The sizes given are the output's, whatever the input: only a -1 stays unknown.
            return check.Finish(TensorShape.Of(sizes.Select(d => TensorDims.Is(d, -1) ? Dim.Unknown : d)));
        }

        var elements = DimProduct.Of(input.Dims);
        var given = DimProduct.Of(sizes.Where(d => !TensorDims.Is(d, -1)));
        var output = sizes.ToArray();
        if (inferred.Count == 1)
        {
            var rest = elements.DivideBy(given, out var indivisible);
            if (indivisible || TensorDims.Is(given.AsDim(), 0))
            {
                Mismatch(check, input, target, elements);
            }

            output[inferred[0]] = rest;
        }
        else if (elements.Match(given) == DimMatch.Different)
        {
            Mismatch(check, input, target, elements);
        }

        return check.Finish(TensorShape.Of(output));
    }

    private static void Mismatch(LayerCheck check, TensorShape input, string target, DimProduct elements) =>
        check.Fail(ShapeFailureKind.ElementCountMismatch,
            $"{check.Layer}: shape {target} is invalid for input of size {elements} ({TensorDims.Text(input)})",
            TensorDims.Text(input), target);

    /// <summary><c>x.flatten(start_dim, end_dim)</c> (TorchSharp's defaults flatten everything, batch included).</summary>
    public static ShapeResult Flatten(string name, TensorShape input, long start, long end)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return start == 0 && end == -1 ? check.Finish(TensorShape.Of(Dim.Unknown)) : check.FinishUnknownRank("the rank is unknown");
        }

        if (input.Rank == 0)
        {
            return check.Finish(TensorShape.Of(Dim.Of(1)));
        }

        if (!TensorDims.Normalize(check, start, input.Rank, out var from) || !TensorDims.Normalize(check, end, input.Rank, out var to))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (from > to)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: flatten() has invalid args: start_dim {start} cannot come after end_dim {end} for {TensorDims.Text(input)}",
                "start_dim ≤ end_dim", $"{start} > {end}");
            return check.Finish(TensorShape.UnknownRank);
        }

        var product = DimProduct.Of(input.Dims.Skip(from).Take(to - from + 1)).AsDim();
        return check.Finish(TensorShape.Of(input.Dims.Take(from).Append(product).Concat(input.Dims.Skip(to + 1))));
    }

    /// <summary><c>x.permute(dims)</c>: a permutation of every dimension.</summary>
    public static ShapeResult Permute(string name, TensorShape input, IReadOnlyList<long> dims)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return check.Finish(TensorShape.Of(dims.Select(_ => Dim.Unknown)));
        }

        if (dims.Count != input.Rank)
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{name}: the number of dims ({dims.Count}) does not match the tensor's ({input.Rank}, {TensorDims.Text(input)}) in permute",
                input.Rank.ToString(CultureInfo.InvariantCulture), dims.Count.ToString(CultureInfo.InvariantCulture));
            return check.Finish(TensorShape.UnknownRank);
        }

        var order = new List<int>();
        foreach (var dim in dims)
        {
            if (!TensorDims.Normalize(check, dim, input.Rank, out var index))
            {
                return check.Finish(TensorShape.UnknownRank);
            }

            if (order.Contains(index))
            {
                check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: repeated dim {dim} in permute ({string.Join(", ", dims)})", "each dim once", string.Join(", ", dims));
                return check.Finish(TensorShape.UnknownRank);
            }

            order.Add(index);
        }

        return check.Finish(TensorShape.Of(order.Select(i => input[i])));
    }

    /// <summary><c>x.transpose(dim0, dim1)</c>.</summary>
    public static ShapeResult Transpose(string name, TensorShape input, long dim0, long dim1)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the rank is unknown");
        }

        if (!TensorDims.Normalize(check, dim0, input.Rank, out var a) || !TensorDims.Normalize(check, dim1, input.Rank, out var b) || input.Rank == 0)
        {
            return check.Finish(input.Rank == 0 && !check.Failed ? input : TensorShape.UnknownRank);
        }

        return check.Finish(input.With(a, input[b]).With(b, input[a]));
    }

    /// <summary><c>x.unsqueeze(dim)</c>: a new dimension of size 1; dim counts the new rank.</summary>
    public static ShapeResult Unsqueeze(string name, TensorShape input, long dim)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the rank is unknown");
        }

        return TensorDims.Normalize(check, dim, input.Rank + 1, out var index)
            ? check.Finish(TensorDims.Inserted(input, index, Dim.Of(1)))
            : check.Finish(TensorShape.UnknownRank);
    }

    /// <summary><c>x.squeeze(dim)</c>, or every size-1 dimension when <paramref name="dim"/> is null; an unknown size leaves the rank unknown.</summary>
    public static ShapeResult Squeeze(string name, TensorShape input, long? dim)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the rank is unknown");
        }

        if (dim is { } d)
        {
            if (!TensorDims.Normalize(check, d, input.Rank, out var index))
            {
                return check.Finish(TensorShape.UnknownRank);
            }

            return input.Rank == 0 ? check.Finish(input)
                : TensorDims.Is(input[index], 1) ? check.Finish(TensorDims.Without(input, index))
                : input[index].IsKnown ? check.Finish(input)
                : check.FinishUnknownRank($"whether dimension {index} ({input[index]}) is 1 is not known");
        }

        return input.Dims.All(x => x.IsKnown)
            ? check.Finish(TensorShape.Of(input.Dims.Where(x => x.Value != 1)))
            : check.FinishUnknownRank("which dimensions are 1 is not known");
    }

    /// <summary><c>x.expand(sizes)</c>: sizes aligned from the right; -1 keeps a size; only a size of 1 may grow.</summary>
    public static ShapeResult Expand(string name, TensorShape input, IReadOnlyList<Dim> sizes)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return check.Finish(TensorShape.Of(sizes.Select(s => TensorDims.Is(s, -1) ? Dim.Unknown : s)));
        }

        if (sizes.Count < input.Rank)
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{name}: the number of sizes provided ({sizes.Count}) must be greater or equal to the number of dimensions in the tensor ({input.Rank}, {TensorDims.Text(input)})",
                $"≥ {input.Rank} sizes", sizes.Count.ToString(CultureInfo.InvariantCulture));
            return check.Finish(TensorShape.UnknownRank);
        }

        var lead = sizes.Count - input.Rank;
        var output = new Dim[sizes.Count];
        for (var i = 0; i < sizes.Count; i++)
        {
            var target = sizes[i];
            if (i < lead)
            {
                if (target.IsKnown && target.Value < 0)
                {
                    check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: the expanded size {target} is not allowed in a leading, non-existing dimension {i}", "≥ 0", target.ToString());
                    return check.Finish(TensorShape.UnknownRank);
                }

                output[i] = target;
                continue;
            }

            var existing = input[i - lead];
            if (TensorDims.Is(target, -1) || target.Match(existing) == DimMatch.Equal)
            {
                output[i] = existing;
            }
            else if (target.IsKnown && target.Value < 0 && !(existing.IsKnown && existing.Value != 1))
            {
                // Only -1 keeps a size. PyTorch takes any other negative as the new size, and fails making the tensor
                // (numel overflows); where the existing size is not 1 it fails on the mismatch below instead.
                check.Fail(ShapeFailureKind.InvalidArgument,
                    $"{name}: the expanded size {target} at dimension {i} is negative (only -1, which keeps the existing size, may be); target sizes [{string.Join(", ", sizes)}], tensor {TensorDims.Text(input)}",
                    "-1 or ≥ 0", target.ToString());
                return check.Finish(TensorShape.UnknownRank);
            }
            else if (TensorDims.Is(existing, 1))
            {
                output[i] = target;
            }
            else if (existing.IsKnown && target.IsKnown)
            {
                check.Fail(ShapeFailureKind.InvalidArgument,
                    $"{name}: the expanded size of the tensor ({target}) must match the existing size ({existing}) at non-singleton dimension {i}; target sizes [{string.Join(", ", sizes)}], tensor {TensorDims.Text(input)}",
                    existing.ToString(), target.ToString());
                return check.Finish(TensorShape.UnknownRank);
            }
            else
            {
                output[i] = target.IsUnknown ? existing : target;
            }
        }

        return check.Finish(TensorShape.Of(output));
    }

    /// <summary><c>x.repeat(repeats)</c>: each size multiplied, new leading dimensions for extra repeats.</summary>
    public static ShapeResult Repeat(string name, TensorShape input, IReadOnlyList<Dim> repeats)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the rank is unknown");
        }

        if (repeats.Count < input.Rank)
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{name}: the number of repeat dimensions ({repeats.Count}) can not be smaller than the number of dimensions of the tensor ({input.Rank}, {TensorDims.Text(input)})",
                $"≥ {input.Rank}", repeats.Count.ToString(CultureInfo.InvariantCulture));
            return check.Finish(TensorShape.UnknownRank);
        }

        var lead = repeats.Count - input.Rank;
        return check.Finish(TensorShape.Of(repeats.Select((r, i) => i < lead ? r : DimProduct.Of(new[] { input[i - lead], r }).AsDim())));
    }
}
