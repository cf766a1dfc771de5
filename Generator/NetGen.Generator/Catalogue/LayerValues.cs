using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Catalogue;

/// <summary>Reading a layer's arguments as sizes, and the small size arithmetic entries share.</summary>
internal static class LayerValues
{
    public static Dim Size(LayerSpec layer, string argument, ShapeEnvironment env) => env.Size(layer.Get(argument));

    public static EquatableArray<Dim> Sizes(LayerSpec layer, string argument, ShapeEnvironment env) => env.Sizes(layer.Get(argument));

    public static Dim SizeOr(LayerSpec layer, string argument, ShapeEnvironment env, long fallback) =>
        layer.Get(argument).IsAbsent ? Dim.Of(fallback) : env.Size(layer.Get(argument));

    /// <summary>An int argument given as a constant, or <paramref name="fallback"/>.</summary>
    public static int IntOr(LayerSpec layer, string argument, int fallback) =>
        layer.Get(argument) is { Kind: ArgKind.Int } value ? (int)value.Int : fallback;

    public static bool FlagOr(LayerSpec layer, string argument, bool fallback) =>
        layer.Get(argument) is { Kind: ArgKind.Bool } value ? value.AsBool : fallback;

    /// <summary>Whether a flag that defaults to true is on: anything but a constant false (a parameter may be true).</summary>
    public static bool On(LayerSpec layer, string argument) => layer.Get(argument) is not { Kind: ArgKind.Bool, AsBool: false };

    /// <summary>A declared size, or the input's dimension it is inferred from when omitted.</summary>
    public static Dim Incoming(LayerSpec layer, string argument, ShapeEnvironment env, Dim fromInput) =>
        layer.Get(argument).IsAbsent ? fromInput : Size(layer, argument, env);

    public static Dim First(TensorShape shape) => shape.IsRankKnown && shape.Rank > 0 ? shape[0] : Dim.Unknown;

    public static Dim Last(TensorShape shape) => shape.IsRankKnown && shape.Rank > 0 ? shape[shape.Rank - 1] : Dim.Unknown;

    /// <summary>A kernel with one size per spatial dimension: a single size is repeated, as PyTorch does.</summary>
    public static IReadOnlyList<Dim> Kernel(LayerSpec layer, ShapeEnvironment env, int rank)
    {
        var kernel = env.Sizes(layer.Get("KernelSize"));
        return kernel.Count == rank ? kernel.ToList() : Enumerable.Repeat(kernel.Count > 0 ? kernel[0] : Dim.Unknown, rank).ToList();
    }

    public static Dim Divide(Dim value, Dim divisor) =>
        divisor.TryGetValue(out var d) && d == 1 ? value
        : value.TryGetValue(out var v) && divisor.TryGetValue(out d) && d > 0 ? Dim.Of(v / d)
        : Dim.Unknown;

    public static Dim Multiply(Dim a, Dim b) =>
        a.TryGetValue(out var x) && b.TryGetValue(out var y) && Counting.Product(new[] { x, y }) is var product and >= 0 ? Dim.Of(product) : Dim.Unknown;

    /// <summary>A size as a number for costs, -1 when unknown.</summary>
    public static long Known(Dim dim) => dim.TryGetValue(out var value) ? value : -1;

    public static long Elements(TensorShape shape) => shape.ElementCount.TryGetValue(out var v) ? v : -1;
}
