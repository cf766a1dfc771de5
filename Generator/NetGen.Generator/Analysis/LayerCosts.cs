using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// Parameter counts and mult-adds per layer, as torchinfo counts them (one sample), or -1 when a
/// size is not known at compile time.
/// </summary>
internal static class LayerCosts
{
    /// <summary>The learnable elements of a layer: its parameter entries (not its buffers), so counts and the state map agree.</summary>
    public static long Parameters(IEnumerable<StateEntrySpec> entries)
    {
        return Counting.Sum(entries.Where(e => !e.IsBuffer).Select(e => Counting.Product(e.Shape.Select(d => d.IsKnown ? d.Value : -1))));
    }

    public static long MultAdds(LayerSpec layer, TensorShape input, TensorShape output, ShapeEnvironment env)
    {
        try
        {
            return Compute(layer, input, output, env);
        }
        catch (System.OverflowException)
        {
            return -1;
        }
    }

    private static long Compute(LayerSpec layer, TensorShape input, TensorShape output, ShapeEnvironment env)
    {
        switch (layer.Kind)
        {
            case LayerKind.Conv1d:
            case LayerKind.Conv2d:
                var perOutput = Product(InChannels(layer, input, env), KernelElements(layer, env));
                var groups = Size(layer, "Groups", env, 1);
                return perOutput < 0 || groups <= 0 ? -1 : Product(Elements(output), perOutput / groups);
            case LayerKind.ConvTranspose2d:
                var perInput = Product(Size(layer, "OutChannels", env), KernelElements(layer, env));
                var g = Size(layer, "Groups", env, 1);
                return perInput < 0 || g <= 0 ? -1 : Product(Elements(input), perInput / g);
            case LayerKind.Linear:
                var inFeatures = layer.Get("InFeatures").IsAbsent ? Last(input) : Size(layer, "InFeatures", env);
                return Product(Elements(input) < 0 ? -1 : Elements(input) / System.Math.Max(1, Last(input)), inFeatures, Size(layer, "OutFeatures", env));
            default:
                return 0;
        }
    }

    private static long InChannels(LayerSpec layer, TensorShape input, ShapeEnvironment env) =>
        layer.Get("InChannels").IsAbsent ? First(input) : Size(layer, "InChannels", env);

    private static long KernelElements(LayerSpec layer, ShapeEnvironment env)
    {
        var kernel = env.Sizes(layer.Get("KernelSize"));
        var rank = layer.Kind == LayerKind.Conv1d ? 1 : 2;
        if (kernel.Count == 0 || kernel.Any(d => !d.IsKnown))
        {
            return -1;
        }

        return kernel.Count == 1 ? Power(kernel[0].Value, rank) : Counting.Product(kernel.Select(d => d.Value));
    }

    private static long Size(LayerSpec layer, string argument, ShapeEnvironment env, long fallback = -1) =>
        layer.Get(argument).IsAbsent ? fallback : env.Size(layer.Get(argument)).TryGetValue(out var value) ? value : -1;

    private static long First(TensorShape shape) => shape.IsRankKnown && shape.Rank > 0 && shape[0].TryGetValue(out var v) ? v : -1;

    private static long Last(TensorShape shape) => shape.IsRankKnown && shape.Rank > 0 && shape[shape.Rank - 1].TryGetValue(out var v) ? v : -1;

    private static long Elements(TensorShape shape) => shape.ElementCount.TryGetValue(out var v) ? v : -1;

    private static long Product(params long[] values) => Counting.Product(values);

    private static long Power(long value, int exponent) => exponent == 1 ? value : Counting.Product(new[] { value, value });
}
