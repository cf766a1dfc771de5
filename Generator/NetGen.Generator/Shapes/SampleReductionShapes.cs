using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Shapes;

/// <summary><c>x.mean(dims, keepdim)</c>: <see cref="Dims"/> count the batch dimension, as PyTorch's do.</summary>
internal sealed record MeanSpec(string Name, EquatableArray<int> Dims, bool Keepdim) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this;
}

/// <summary><c>x.select(dim, index)</c>, the dim counting the batch: that dimension goes.</summary>
internal sealed record SelectSpec(string Name, int Dim, long Index) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this;
}

/// <summary><c>nn.ChannelShuffle(groups)</c>: keeps the shape; the channels (dim 1 of the batch) must be divisible by groups.</summary>
internal sealed record ChannelShuffleSpec(string Name, Dim Groups) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with { Groups = Groups.Bind(bindings) };
}

/// <summary>
/// Shapes of reductions and channel rearrangements: <c>mean</c> over dims, <c>select</c>, <c>channel_shuffle</c>, and the pieces
/// of <c>x.chunk(n, dim)</c>, each with the check PyTorch makes.
/// </summary>
internal static class SampleReductionShapes
{
    public static ShapeResult Infer(MeanSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the input's rank is unknown");
        }

        var axes = new List<int>();
        foreach (var dim in spec.Dims)
        {
            if (!check.BatchedDim(dim, input.Rank, "dim", out var axis))
            {
                return check.Finish(TensorShape.UnknownRank);
            }

            if (axes.Contains(axis))
            {
                check.Fail(ShapeFailureKind.InvalidArgument, $"{spec.Name}: dim {axis + 1} appears more than once in ({string.Join(", ", spec.Dims)})",
                    "distinct dims", $"({string.Join(", ", spec.Dims)})");
                return check.Finish(TensorShape.UnknownRank);
            }

            axes.Add(axis);
        }

        if (axes.Contains(-1))
        {
            // Averaging over the batch leaves no per-sample shape to follow; PyTorch allows it, so it is no error.
            return check.FinishUnknownRank("averages over the batch dimension; the per-sample shape is not followed");
        }

        if (spec.Dims.IsEmpty)
        {
            // x.mean([]) averages over everything, a scalar: no sample shape either.
            return check.FinishUnknownRank("averages over every dimension");
        }

        var output = input.Dims.Select((d, i) => axes.Contains(i) ? (spec.Keepdim ? Dim.Of(1) : (Dim?)null) : d).Where(d => d is not null).Select(d => d!.Value);
        return check.Finish(TensorShape.Of(output));
    }

    /// <summary>The selected dimension goes; an index outside its known size is PyTorch's IndexError.</summary>
    public static ShapeResult Infer(SelectSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the input's rank is unknown");
        }

        if (!check.BatchedDim(spec.Dim, input.Rank, "dim", out var axis))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (axis < 0)
        {
            // One sample of the batch: what is left has no batch dimension to follow.
            return check.FinishUnknownRank("selects along the batch dimension; the per-sample shape is not followed");
        }

        if (input[axis].TryGetValue(out var size) && (spec.Index >= size || spec.Index < -size))
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{spec.Name}: index {spec.Index} is out of range for dim {axis + 1} of size {size}",
                $"{-size} to {size - 1}", spec.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return check.Finish(TensorShape.UnknownRank);
        }

        return check.Finish(TensorShape.Of(input.Dims.Where((_, i) => i != axis)));
    }

    public static ShapeResult Infer(ChannelShuffleSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        check.AtLeast(spec.Groups, 1, "groups");
        if (check.Failed || !input.IsRankKnown)
        {
            return check.Failed ? check.Finish(TensorShape.UnknownRank) : check.FinishUnknownRank("the input's rank is unknown");
        }

        if (!check.Rank(input, 2, int.MaxValue, "C×…"))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        var channels = input[0];
        if (channels.IsKnown && spec.Groups.IsKnown)
        {
            if (channels.Value % spec.Groups.Value != 0)
            {
                check.Fail(ShapeFailureKind.GroupsDoNotDivide,
                    $"{spec.Name}: {channels} channels are not divisible by groups {spec.Groups} ({channels} = {spec.Groups} × {channels.Value / spec.Groups.Value} + {channels.Value % spec.Groups.Value})",
                    $"a multiple of {spec.Groups}", channels.ToString());
            }
        }
        else
        {
            check.Note($"channels {channels} not checked against groups {spec.Groups}");
        }

        return check.Finish(input);
    }

    /// <summary>
    /// The pieces of <c>x.chunk(<paramref name="chunks"/>, <paramref name="dim"/>)</c> as PyTorch cuts them: each
    /// ⌈size / chunks⌉ long, the last one shorter, and fewer pieces than asked when the size is too small
    /// (4 channels in 3 chunks give 2 + 2). <paramref name="needed"/> pieces are taken, so fewer is a failure.
    /// </summary>
    public static (IReadOnlyList<TensorShape> Pieces, ShapeResult Result) Chunk(string name, TensorShape input, int chunks, int dim, int needed)
    {
        var check = new LayerCheck(name);
        var unknown = Enumerable.Repeat(TensorShape.UnknownRank, needed).ToList();
        if (chunks < 1)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: chunk expects chunks to be at least 1, got {chunks}", "≥ 1", chunks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return (unknown, check.Finish(TensorShape.UnknownRank));
        }

        if (!input.IsRankKnown)
        {
            return (unknown, check.FinishUnknownRank("the input's rank is unknown; the chunks are not checked"));
        }

        if (!check.BatchedDim(dim, input.Rank, "dim", out var axis))
        {
            return (unknown, check.Finish(TensorShape.UnknownRank));
        }

        if (axis < 0 || !input[axis].IsKnown)
        {
            var why = axis < 0 ? "splits the batch dimension" : $"splits dim {dim} of unknown size {input[axis]}";
            return (unknown, check.FinishUnknownRank(why + "; the chunks' sizes are not known"));
        }

        var size = input[axis].Value;
        var each = (size + chunks - 1) / chunks;
        var pieces = new List<TensorShape>();
        for (var start = 0L; start < size && pieces.Count < chunks; start += each)
        {
            pieces.Add(input.With(axis, Dim.Of(System.Math.Min(each, size - start))));
        }

        if (pieces.Count < needed)
        {
            var sizes = string.Join(" + ", pieces.Select(p => p[axis].ToString()));
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{name}: x.chunk({chunks}, dim={dim}) of {input} gives {pieces.Count} chunk{(pieces.Count == 1 ? "" : "s")} ({(sizes.Length == 0 ? "none" : sizes)}: ⌈{size} / {chunks}⌉ = {each} each), but {needed} branches take one each",
                $"{needed} chunks", pieces.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return (unknown, check.Finish(TensorShape.UnknownRank));
        }

        return (pieces.Take(needed).ToList(), check.Finish(input));
    }

    /// <summary>
    /// The pieces of <c>x.split([sizes], <paramref name="dim"/>)</c>: piece k is <c>sizes[k]</c> long. PyTorch requires the
    /// sizes to add up to the dimension's size exactly; where a size or the dimension is not known, that is left unchecked.
    /// </summary>
    public static (IReadOnlyList<TensorShape> Pieces, ShapeResult Result) Split(string name, TensorShape input, IReadOnlyList<Dim> sizes, int dim)
    {
        var check = new LayerCheck(name);
        var unknown = Enumerable.Repeat(TensorShape.UnknownRank, sizes.Count).ToList();
        var shown = "[" + string.Join(", ", sizes) + "]";
        var negative = sizes.FirstOrDefault(d => d.IsKnown && d.Value < 0);
        if (negative.IsKnown)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: x.split({shown}, dim={dim}) has a negative size {negative}", "sizes ≥ 0", negative.ToString());
            return (unknown, check.Finish(TensorShape.UnknownRank));
        }

        if (!input.IsRankKnown)
        {
            return (unknown, check.FinishUnknownRank("the input's rank is unknown; the split is not checked"));
        }

        if (!check.BatchedDim(dim, input.Rank, "dim", out var axis))
        {
            return (unknown, check.Finish(TensorShape.UnknownRank));
        }

        if (axis < 0)
        {
            return (unknown, check.FinishUnknownRank("splits the batch dimension; the pieces' sizes are not known"));
        }

        if (input[axis].IsKnown && sizes.All(d => d.IsKnown))
        {
            var sum = sizes.Aggregate(0L, (total, d) => checked(total + d.Value));
            if (sum != input[axis].Value)
            {
                check.Fail(ShapeFailureKind.InvalidArgument,
                    $"{name}: x.split({shown}, dim={dim}) of {input} needs sizes that add up to {input[axis]}, the size of dim {dim}, but they add up to {sum}",
                    input[axis].ToString(), sum.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return (unknown, check.Finish(TensorShape.UnknownRank));
            }
        }
        else
        {
            check.Note($"the sizes {shown} are not checked against dim {dim} of {input}");
        }

        return (sizes.Select(d => input.With(axis, d)).ToList(), check.Finish(input));
    }
}

/// <summary><c>input * gate</c> of <c>[Gate]</c>, on samples of equal rank (the batch dimensions then agree).</summary>
internal static class GateShapes
{
    /// <summary>
    /// PyTorch's broadcasting of the two samples: each pair of sizes equal, or one of them 1. Samples of different
    /// ranks are not checked, since how they align depends on the batch dimension.
    /// </summary>
    public static ShapeResult Multiply(string name, TensorShape input, TensorShape gate)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown || !gate.IsRankKnown)
        {
            return check.FinishUnknownRank("input * gate not checked: a rank is unknown");
        }

        if (input.Rank != gate.Rank)
        {
            return check.FinishUnknownRank($"input {input} * gate {gate} not checked: their ranks differ, so how they broadcast depends on the batch");
        }

        var output = new Dim[input.Rank];
        for (var i = 0; i < input.Rank; i++)
        {
            Dim a = input[i], b = gate[i];
            if (a.Match(b) == DimMatch.Equal)
            {
                output[i] = a.MoreSpecific(b);
            }
            else if (b.IsKnown && b.Value == 1)
            {
                output[i] = a;
            }
            else if (a.IsKnown && a.Value == 1)
            {
                output[i] = b;
            }
            else if (a.IsKnown && b.IsKnown)
            {
                check.Fail(ShapeFailureKind.BroadcastMismatch,
                    $"{name}: input * gate cannot broadcast the gate {gate} against the input {input}: dim {i + 1} is {b} in the gate and {a} in the input, and each must be equal or 1",
                    $"{a} (or 1) in dim {i + 1}", b.ToString());
                output[i] = Dim.Unknown;
            }
            else
            {
                check.Note($"dim {i + 1} not checked: input {a} vs gate {b}");
                output[i] = Dim.Unknown;
            }
        }

        return check.Finish(TensorShape.Of(output));
    }
}
