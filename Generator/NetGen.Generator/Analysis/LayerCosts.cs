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
    public static long Parameters(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        bool Bias() => layer.Get("Bias") is not { Kind: ArgKind.Bool, AsBool: false };
        bool Affine(string name) => layer.Get(name) is not { Kind: ArgKind.Bool, AsBool: false };
        switch (layer.Kind)
        {
            case LayerKind.Conv1d:
            case LayerKind.Conv2d:
            case LayerKind.ConvTranspose2d:
                return Product(InChannels(layer, input, env), Size(layer, "OutChannels", env), KernelElements(layer, env)) is var weights and >= 0
                    && Size(layer, "Groups", env, 1) is var groups and > 0
                    ? weights / groups + (Bias() ? Size(layer, "OutChannels", env) : 0)
                    : -1;
            case LayerKind.Linear:
                var inFeatures = layer.Get("InFeatures").IsAbsent ? Last(input) : Size(layer, "InFeatures", env);
                var outFeatures = Size(layer, "OutFeatures", env);
                return inFeatures < 0 || outFeatures < 0 ? -1 : inFeatures * outFeatures + (Bias() ? outFeatures : 0);
            case LayerKind.BatchNorm1d:
            case LayerKind.BatchNorm2d:
                var features = layer.Get("NumFeatures").IsAbsent ? First(input) : Size(layer, "NumFeatures", env);
                return !Affine("Affine") ? 0 : features < 0 ? -1 : 2 * features;
            case LayerKind.GroupNorm:
                var channels = layer.Get("NumChannels").IsAbsent ? First(input) : Size(layer, "NumChannels", env);
                return !Affine("Affine") ? 0 : channels < 0 ? -1 : 2 * channels;
            case LayerKind.LayerNorm:
                var shape = env.Sizes(layer.Get("NormalizedShape"));
                var elements = shape.All(d => d.IsKnown) ? shape.Aggregate(1L, (p, d) => p * d.Value) : -1;
                return !Affine("ElementwiseAffine") ? 0 : elements < 0 ? -1 : 2 * elements;
            case LayerKind.Embedding:
                return Product(Size(layer, "NumEmbeddings", env), Size(layer, "EmbeddingDim", env));
            default:
                return 0;
        }
    }

    public static long MultAdds(LayerSpec layer, TensorShape input, TensorShape output, ShapeEnvironment env)
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
                var parameters = Parameters(layer, input, env);
                var bias = layer.Get("Bias") is { Kind: ArgKind.Bool, AsBool: false } ? 0 : Size(layer, "OutFeatures", env);
                return parameters < 0 ? -1 : Product(Elements(input) / System.Math.Max(1, Last(input)), parameters - bias);
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

        return kernel.Count == 1 ? Power(kernel[0].Value, rank) : kernel.Aggregate(1L, (p, d) => p * d.Value);
    }

    private static long Size(LayerSpec layer, string argument, ShapeEnvironment env, long fallback = -1) =>
        layer.Get(argument).IsAbsent ? fallback : env.Size(layer.Get(argument)).TryGetValue(out var value) ? value : -1;

    private static long First(TensorShape shape) => shape.IsRankKnown && shape.Rank > 0 && shape[0].TryGetValue(out var v) ? v : -1;

    private static long Last(TensorShape shape) => shape.IsRankKnown && shape.Rank > 0 && shape[shape.Rank - 1].TryGetValue(out var v) ? v : -1;

    private static long Elements(TensorShape shape) => shape.ElementCount.TryGetValue(out var v) ? v : -1;

    private static long Product(params long[] values) => values.Any(v => v < 0) ? -1 : values.Aggregate(1L, (p, v) => p * v);

    private static long Power(long value, int exponent) => exponent == 1 ? value : value * value;
}
