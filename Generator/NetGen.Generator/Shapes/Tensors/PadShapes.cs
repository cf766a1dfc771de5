using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary><c>F.pad(x, pad)</c>: pairs of paddings, the last dimension's pair first, each added to that dimension's size.</summary>
internal static class PadShapes
{
    public static ShapeResult Pad(string name, TensorShape input, IReadOnlyList<Dim> pad)
    {
        var check = new LayerCheck(name);
        if (pad.Count % 2 != 0)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{name}: Padding length must be divisible by 2, got {pad.Count} values",
                "an even number of values", pad.Count.ToString(CultureInfo.InvariantCulture));
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the rank is unknown");
        }

        if (pad.Count / 2 > input.Rank)
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{name}: Padding length should be less than or equal to two times the input dimension but got padding length {pad.Count} and input of dimension {input.Rank} ({TensorDims.Text(input)})",
                $"at most {2 * input.Rank} values", pad.Count.ToString(CultureInfo.InvariantCulture));
            return check.Finish(TensorShape.UnknownRank);
        }

        var dims = input.Dims.ToArray();
        for (var pair = 0; pair < pad.Count / 2; pair++)
        {
            var at = input.Rank - 1 - pair;
            var size = Padded(dims[at], pad[2 * pair], pad[2 * pair + 1]);
            if (size.TryGetValue(out var n) && n < 0)
            {
                // A negative padding crops; PyTorch refuses a result below zero.
                check.Fail(ShapeFailureKind.InvalidArgument,
                    $"{name}: the input size {dims[at]}, plus negative padding {pad[2 * pair]} and {pad[2 * pair + 1]} resulted in a negative output size {n} ({TensorDims.Text(input)}, dimension {at})",
                    "a size of at least 0", n.ToString(CultureInfo.InvariantCulture));
                return check.Finish(TensorShape.UnknownRank);
            }

            dims[at] = size;
        }

        return check.Finish(TensorShape.Of(dims));
    }

    /// <summary>The size with both paddings added; a symbol stays only where nothing is added, and a sum past long's range is unknown.</summary>
    private static Dim Padded(Dim size, Dim before, Dim after)
    {
        if (TensorDims.Is(before, 0) && TensorDims.Is(after, 0))
        {
            return size;
        }

        if (!size.TryGetValue(out var n) || !before.TryGetValue(out var b) || !after.TryGetValue(out var a))
        {
            return Dim.Unknown;
        }

        try
        {
            return Dim.Of(checked(n + b + a));
        }
        catch (System.OverflowException)
        {
            return Dim.Unknown;
        }
    }
}
