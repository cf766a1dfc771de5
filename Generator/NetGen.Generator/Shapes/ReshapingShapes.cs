using System;
using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>Output shapes of PixelShuffle, Upsample, the pads, Unflatten, Permute and per-channel layers, with PyTorch's checks.</summary>
internal static class ReshapingShapes
{
    public static ShapeResult Infer(PixelShuffleSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        check.AtLeast(spec.UpscaleFactor, 1, "upscale_factor");
        if (check.Failed || !input.IsRankKnown)
        {
            return check.Failed ? check.Finish(TensorShape.UnknownRank) : check.FinishUnknownRank("the input's rank is unknown");
        }

        if (!check.Rank(input, 3, int.MaxValue, "…×C×H×W"))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        int c = input.Rank - 3;
        Dim square = spec.UpscaleFactor * spec.UpscaleFactor;
        if (input[c].IsKnown && square.IsKnown)
        {
            if (input[c].Value % square.Value != 0)
            {
                check.Fail(ShapeFailureKind.ChannelMismatch,
                    $"{spec.Name}: {input[c]} channels are not divisible by upscale_factor² = {square}", $"a multiple of {square}", input[c].ToString());
                return check.Finish(TensorShape.UnknownRank);
            }
        }
        else
        {
            check.Note($"channels {input[c]} not checked against upscale_factor² {square}");
        }

        Dim channels = input[c].IsKnown && square.IsKnown ? Dim.Of(input[c].Value / square.Value) : Dim.Unknown;
        return check.Finish(TensorShape.Of(input.Dims.Take(c).Concat(new[] { channels, input[c + 1] * spec.UpscaleFactor, input[c + 2] * spec.UpscaleFactor })));
    }

    public static ShapeResult Infer(UpsampleSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        check.AtLeast(spec.Size, 1, "size");
        if (check.Failed || !input.IsRankKnown)
        {
            return check.Failed ? check.Finish(TensorShape.UnknownRank) : check.FinishUnknownRank("the input's rank is unknown");
        }

        int rank = spec.SpatialRank;
        if (!check.Rank(input, rank + 1, rank + 1, rank switch { 1 => "C×L", 3 => "C×D×H×W", _ => "C×H×W" }))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        Dim[] sizes;
        if (!spec.Size.IsEmpty)
        {
            sizes = check.PerDimension(spec.Size, rank, "size", null);
        }
        else
        {
            var scale = spec.ScaleFactor ?? 1;
            sizes = input.Dims.Skip(1).Select(d => d.IsKnown ? Dim.Of((long)Math.Floor(d.Value * scale)) : Dim.Unknown).ToArray();
        }

        return check.Failed ? check.Finish(TensorShape.UnknownRank) : check.Finish(TensorShape.Of(new[] { input[0] }.Concat(sizes)));
    }

    public static ShapeResult Infer(PadSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        var pads = spec.Padding.Length == 1 ? Enumerable.Repeat(spec.Padding[0], 2 * spec.PaddedDims).ToArray() : spec.Padding.ToArray();
        if (pads.Length != 2 * spec.PaddedDims)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{spec.Name}: padding has {pads.Length} values but the layer pads {spec.PaddedDims} dimension(s)",
                $"1 or {2 * spec.PaddedDims} values", $"{pads.Length} values");
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the input's rank is unknown");
        }

        if (!check.Rank(input, spec.PaddedDims, int.MaxValue, $"at least {spec.PaddedDims}-dimensional"))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        var output = input.Dims.ToArray();
        for (int i = 0; i < spec.PaddedDims; i++)
        {
            int dim = input.Rank - 1 - i;
            output[dim] = output[dim] + pads[2 * i] + pads[2 * i + 1];
            if (output[dim].IsKnown && output[dim].Value < 1)
            {
                check.Fail(ShapeFailureKind.SpatialCollapse, $"{spec.Name}: padding leaves dimension {dim} with size {output[dim]}", "≥ 1", output[dim].ToString());
            }
        }

        return check.Failed ? check.Finish(TensorShape.UnknownRank) : check.Finish(TensorShape.Of(output));
    }

    public static ShapeResult Infer(UnflattenSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the input's rank is unknown");
        }

        if (spec.Dim < 0)
        {
            // PyTorch counts a negative dim from the end; TorchSharp 0.107's Unflatten throws on it.
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{spec.Name}: TorchSharp's Unflatten takes no negative dim; write {spec.Dim + input.Rank + 1} for this {input.Rank + 1}-dimensional batch",
                "a dim ≥ 0", spec.Dim.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!check.BatchedDim(spec.Dim, input.Rank, "dim", out int index))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (index < 0)
        {
            return check.FinishUnknownRank("unflattens the batch dimension; the per-sample shape is lost");
        }

        var sizes = spec.Sizes.ToArray();
        int inferred = Array.FindIndex(sizes, s => s.IsKnown && s.Value == -1);
        Dim known = sizes.Where((s, i) => i != inferred).Aggregate(Dim.Of(1), (p, d) => p * d);
        Dim received = input[index];
        if (received.IsKnown && known.IsKnown && known.Value > 0)
        {
            bool fits = inferred >= 0 ? received.Value % known.Value == 0 : received.Value == known.Value;
            if (!fits)
            {
                check.Fail(ShapeFailureKind.FeatureMismatch,
                    $"{spec.Name}: sizes ({string.Join(", ", spec.Sizes)}) do not multiply up to dimension {spec.Dim}'s size {received}", received.ToString(), known.ToString());
                return check.Finish(TensorShape.UnknownRank);
            }

            if (inferred >= 0)
            {
                sizes[inferred] = Dim.Of(received.Value / known.Value);
            }
        }
        else
        {
            check.Note($"sizes ({string.Join(", ", spec.Sizes)}) not checked against {received}");
            if (inferred >= 0)
            {
                sizes[inferred] = Dim.Unknown;
            }
        }

        return check.Finish(TensorShape.Of(input.Dims.Take(index).Concat(sizes).Concat(input.Dims.Skip(index + 1))));
    }

    public static ShapeResult Infer(ChannelwiseSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        check.AtLeast(spec.Channels, 1, "num_parameters");
        if (check.Failed || (spec.Channels.IsKnown && spec.Channels.Value == 1))
        {
            return check.Failed ? check.Finish(TensorShape.UnknownRank) : check.Finish(input);
        }

        if (!input.IsRankKnown || input.Rank == 0)
        {
            return input.IsRankKnown ? check.Finish(input) : check.FinishUnknownRank("the input's rank is unknown; channels not checked");
        }

        check.Channels(spec.Channels, input[0], "channels");
        return check.Finish(input);
    }

    public static ShapeResult Infer(PermuteSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the input's rank is unknown");
        }

        int rank = input.Rank + 1;
        var dims = spec.Dims.Select(d => d < 0 ? d + rank : d).ToArray();
        if (dims.Length != rank || dims.Any(d => d < 0 || d >= rank) || dims.Distinct().Count() != rank)
        {
            check.Fail(ShapeFailureKind.RankMismatch,
                $"{spec.Name}: dims ({string.Join(", ", spec.Dims)}) are not a permutation of the {rank} dimensions of a batch of {input}",
                $"a permutation of 0..{rank - 1}", $"({string.Join(", ", spec.Dims)})");
            return check.Finish(TensorShape.UnknownRank);
        }

        if (dims[0] != 0)
        {
            return check.FinishUnknownRank("moves the batch dimension; the per-sample shape is lost");
        }

        return check.Finish(TensorShape.Of(dims.Skip(1).Select(d => input[d - 1])));
    }
}
