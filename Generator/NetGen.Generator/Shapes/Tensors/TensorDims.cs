using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>
/// What the whole-tensor rules share. Unlike the layer rules, which take one sample, these take the whole
/// tensor as a forward holds it, batch dimension included (a symbol, <c>N</c>), and count dims as PyTorch does.
/// </summary>
internal static class TensorDims
{
    /// <summary>PyTorch's dim wrapping: <c>-1</c> is the last of <paramref name="rank"/>; false (after failing) when out of range.</summary>
    public static bool Normalize(LayerCheck check, long dim, int rank, out int index)
    {
        // A 0-dimensional tensor accepts dims -1 and 0, as PyTorch does.
        var range = rank == 0 ? 1 : rank;
        var wrapped = dim < 0 ? dim + range : dim;
        index = (int)System.Math.Max(-1, System.Math.Min(int.MaxValue, wrapped));
        if (wrapped < 0 || wrapped >= range)
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{check.Layer}: dimension out of range (expected to be in range of [{-range}, {range - 1}], but got {dim}) for a tensor {Describe(rank)}",
                $"{-range} to {range - 1}", dim.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return false;
        }

        return true;
    }

    /// <summary>A whole tensor's shape as PyTorch prints it in messages: <c>[N, 16, 8, 8]</c>.</summary>
    public static string Text(TensorShape shape) => shape.IsRankKnown ? "[" + string.Join(", ", shape.Dims) + "]" : "[…]";

    /// <summary>A sum of sizes where it is known; unknown otherwise.</summary>
    public static Dim Sum(IEnumerable<Dim> dims) => dims.Aggregate(Dim.Of(0), (sum, d) => sum + d);

    /// <summary>Whether a size is known to be <paramref name="value"/>.</summary>
    public static bool Is(Dim dim, long value) => dim.IsKnown && dim.Value == value;

    private static string Describe(int rank) => rank == 0 ? "of no dimensions" : $"of {rank} dimension{(rank == 1 ? "" : "s")}";

    /// <summary>The shape with dimension <paramref name="index"/> removed.</summary>
    public static TensorShape Without(TensorShape shape, int index) => TensorShape.Of(shape.Dims.Where((_, i) => i != index));

    /// <summary>The shape with <paramref name="dim"/> inserted before position <paramref name="index"/>.</summary>
    public static TensorShape Inserted(TensorShape shape, int index, Dim dim)
    {
        var dims = shape.Dims.ToList();
        dims.Insert(index, dim);
        return TensorShape.Of(dims);
    }
}
