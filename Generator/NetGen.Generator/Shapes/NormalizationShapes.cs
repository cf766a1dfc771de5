using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>Checks of BatchNorm1d/2d/3d, InstanceNorm2d, GroupNorm and LayerNorm; all keep the shape.</summary>
internal static class NormalizationShapes
{
    public static ShapeResult Infer(NormSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        check.AtLeast(spec.NumChannels, 0, spec.Kind == NormKind.GroupNorm ? "num_channels" : "num_features");
        if (spec.Kind == NormKind.GroupNorm)
        {
            check.AtLeast(spec.NumGroups, 1, "num_groups");
            if (!check.Failed)
            {
                check.GroupsDivide(spec.NumGroups, spec.NumChannels, "channels");
            }
        }

        if (check.Failed)
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the input's rank is unknown; channels not checked");
        }

        bool rankOk = spec.Kind switch
        {
            NormKind.BatchNorm1d => check.Rank(input, 1, 2, "C or C×L"),
            NormKind.BatchNorm2d or NormKind.InstanceNorm2d => check.Rank(input, 3, 3, "C×H×W"),
            NormKind.BatchNorm3d => check.Rank(input, 4, 4, "C×D×H×W"),
            _ => check.Rank(input, 1, int.MaxValue, "C×…"),
        };
        if (!rankOk)
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (spec.Kind == NormKind.GroupNorm && spec.NumChannels.IsUnknown)
        {
            check.GroupsDivide(spec.NumGroups, input[0], "channels"); // num_channels will be inferred from the input
        }

        if (spec.Kind != NormKind.InstanceNorm2d)
        {
            check.Channels(spec.NumChannels, input[0], "channels");
        }

        return check.Finish(input);
    }

    public static ShapeResult Infer(LayerNormSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        check.AtLeast(spec.NormalizedShape, 0, "normalized_shape");
        if (check.Failed)
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the input's rank is unknown; normalized_shape not checked");
        }

        int n = spec.NormalizedShape.Length;
        string normalized = TensorShape.Of(spec.NormalizedShape).ToString();
        if (!check.Rank(input, n, int.MaxValue, "…×" + normalized))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        TensorShape trailing = TensorShape.Of(input.Dims.Skip(input.Rank - n));
        var matches = spec.NormalizedShape.Zip(trailing.Dims, (declared, received) => declared.Match(received)).ToList();
        if (matches.Contains(DimMatch.Different))
        {
            check.Fail(ShapeFailureKind.NormalizedShapeMismatch,
                $"{spec.Name}: LayerNorm normalized_shape {normalized} ≠ the sample's trailing {trailing} (sample {input})",
                trailing.ToString(), normalized);
        }
        else if (matches.Contains(DimMatch.Undetermined))
        {
            check.Note($"normalized_shape {normalized} not checked against the received {trailing}");
        }

        return check.Finish(input);
    }
}
