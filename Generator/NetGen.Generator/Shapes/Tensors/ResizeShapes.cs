using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary><c>interpolate</c> / <c>upsample</c>: the spatial sizes (every dimension after batch and channels) are set or scaled.</summary>
internal static class ResizeShapes
{
    /// <param name="size">The output sizes (one for every spatial dimension, or one each), or null.</param>
    /// <param name="scale">The scale factors (likewise), or null; a null entry is an unknown factor.</param>
    public static ShapeResult Interpolate(string name, TensorShape input, IReadOnlyList<Dim>? size, IReadOnlyList<double?>? scale)
    {
        var check = new LayerCheck(name);
        if ((size is null) == (scale is null))
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                size is null ? $"{name}: either size or scale_factor should be defined" : $"{name}: only one of size or scale_factor should be defined",
                "size or scale_factor", size is null ? "neither" : "both");
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the rank is unknown");
        }

        var spatial = input.Rank - 2;
        if (spatial < 1 || spatial > 3)
        {
            check.Fail(ShapeFailureKind.RankMismatch, $"{name}: interpolate takes a 3-d, 4-d or 5-d input (batch, channels, sizes), got {TensorDims.Text(input)}", "3-d to 5-d", $"{input.Rank}-d");
            return check.Finish(TensorShape.UnknownRank);
        }

        var count = size?.Count ?? scale!.Count;
        if (count != 1 && count != spatial)
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{name}: {(size is null ? "scale_factor" : "size")} has {count} values, but the input {TensorDims.Text(input)} has {spatial} spatial dimension{(spatial == 1 ? "" : "s")}",
                $"1 or {spatial} values", count.ToString(CultureInfo.InvariantCulture));
            return check.Finish(TensorShape.UnknownRank);
        }

        var dims = input.Dims.ToArray();
        for (var i = 0; i < spatial; i++)
        {
            var at = count == 1 ? 0 : i;
            dims[i + 2] = size is not null ? size[at] : Scaled(input[i + 2], scale![at]);
        }

        return check.Finish(TensorShape.Of(dims));
    }

    private static Dim Scaled(Dim size, double? factor) =>
        size.TryGetValue(out var n) && factor is { } f ? Dim.Of((long)System.Math.Floor(n * f)) : Dim.Unknown;
}
