using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// After a channel or feature mismatch, the walk goes on from the input the layer declares it takes, so the
/// layers after it are still checked: one mistake does not hide the next, independent one.
/// </summary>
internal static class Recovery
{
    public static TensorShape? AsDeclared(LayerShapeSpec spec, TensorShape input, ShapeFailure failure)
    {
        if (!input.IsRankKnown || input.Rank == 0 || failure.Kind is not (ShapeFailureKind.ChannelMismatch or ShapeFailureKind.FeatureMismatch))
        {
            return null;
        }

        return spec switch
        {
            ConvSpec conv when !conv.InChannels.IsUnknown => input.With(0, conv.InChannels),
            NormSpec norm when !norm.NumChannels.IsUnknown => input.With(0, norm.NumChannels),
            LinearSpec linear when !linear.InFeatures.IsUnknown => input.With(input.Rank - 1, linear.InFeatures),
            _ => null,
        };
    }
}
