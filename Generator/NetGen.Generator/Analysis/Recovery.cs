using System.Linq;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// After a mistake, the walk goes on from what is still certain, so the layers after it are still checked: one mistake
/// does not hide the next, independent one.
/// </summary>
internal static class Recovery
{
    /// <summary>The input to walk the failed layer again from, or null when nothing after it can be known.</summary>
    public static TensorShape? AsDeclared(LayerShapeSpec spec, TensorShape input, ShapeFailure failure)
    {
        if (!input.IsRankKnown || input.Rank == 0)
        {
            return null;
        }

        if (failure.Kind == ShapeFailureKind.SpatialCollapse && spec is ConvSpec or PoolSpec && input.Rank > 1)
        {
            // The sizes that collapsed are wrong, but the channels a convolution gives (or a pooling keeps) are not.
            return TensorShape.Of(input.Dims.Select((dim, i) => i == 0 ? dim : Dim.Unknown).ToArray());
        }

        if (failure.Kind is not (ShapeFailureKind.ChannelMismatch or ShapeFailureKind.FeatureMismatch))
        {
            return null;
        }

        // The layer takes what it declares: the layers after it see what it gives from that.
        return spec switch
        {
            ConvSpec conv when !conv.InChannels.IsUnknown => input.With(0, conv.InChannels),
            NormSpec norm when !norm.NumChannels.IsUnknown => input.With(0, norm.NumChannels),
            LinearSpec linear when !linear.InFeatures.IsUnknown => input.With(input.Rank - 1, linear.InFeatures),
            _ => null,
        };
    }
}
