using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>Translates a declared layer into the shape library's spec, resolving parameters in an environment.</summary>
internal static class ShapeSpecBuilder
{
    public static LayerShapeSpec? Build(LayerSpec layer, string name, ShapeEnvironment env)
    {
        Dim Size(string argument) => env.Size(layer.Get(argument));
        EquatableArray<Dim> Sizes(string argument) => env.Sizes(layer.Get(argument));
        Dim SizeOr(string argument, long fallback) => layer.Get(argument).IsAbsent ? Dim.Of(fallback) : Size(argument);
        bool Flag(string argument, bool fallback) => layer.Get(argument) is { Kind: ArgKind.Bool } value ? value.AsBool : fallback;

        switch (layer.Kind)
        {
            case LayerKind.Conv1d:
            case LayerKind.Conv2d:
            case LayerKind.ConvTranspose2d:
                var padding = layer.Get("Padding") switch
                {
                    { Kind: ArgKind.Text, Text: "same" } => ConvPadding.Same,
                    { Kind: ArgKind.Text } => ConvPadding.Valid,
                    { IsAbsent: true } => ConvPadding.Explicit(0),
                    var value => ConvPadding.Explicit(env.Sizes(value).ToArray()),
                };
                var kind = layer.Kind switch
                {
                    LayerKind.Conv1d => ConvKind.Conv1d,
                    LayerKind.Conv2d => ConvKind.Conv2d,
                    _ => ConvKind.ConvTranspose2d,
                };
                return new ConvSpec(name, kind, Size("InChannels"), Size("OutChannels"), Sizes("KernelSize"), Sizes("Stride"),
                    padding, Sizes("Dilation"), SizeOr("Groups", 1), Sizes("OutputPadding"));
            case LayerKind.MaxPool2d:
            case LayerKind.AvgPool2d:
                return new PoolSpec(name, layer.Kind == LayerKind.MaxPool2d ? PoolKind.MaxPool2d : PoolKind.AvgPool2d,
                    Sizes("KernelSize"), Sizes("Stride"),
                    layer.Get("Padding").IsAbsent ? EquatableArray.Create(Dim.Of(0)) : Sizes("Padding"),
                    layer.Kind == LayerKind.MaxPool2d ? (layer.Get("Dilation").IsAbsent ? EquatableArray.Create(Dim.Of(1)) : Sizes("Dilation")) : EquatableArray<Dim>.Empty,
                    Flag("CeilMode", false));
            case LayerKind.AdaptiveAvgPool2d:
                var output = Sizes("OutputSize");
                return new AdaptivePoolSpec(name, output.Count > 0 ? output[0] : Dim.Unknown, output.Count > 1 ? output[1] : output.Count > 0 ? output[0] : Dim.Unknown);
            case LayerKind.Flatten:
                return new FlattenSpec(name,
                    layer.Get("StartDim") is { Kind: ArgKind.Int } start ? (int)start.Int : 1,
                    layer.Get("EndDim") is { Kind: ArgKind.Int } end ? (int)end.Int : -1);
            case LayerKind.Linear:
                return new LinearSpec(name, Size("InFeatures"), Size("OutFeatures"));
            case LayerKind.BatchNorm1d:
                return NormSpec.BatchNorm1d(name, Size("NumFeatures"));
            case LayerKind.BatchNorm2d:
                return NormSpec.BatchNorm2d(name, Size("NumFeatures"));
            case LayerKind.GroupNorm:
                return NormSpec.GroupNorm(name, Size("NumGroups"), Size("NumChannels"));
            case LayerKind.LayerNorm:
                return new LayerNormSpec(name, Sizes("NormalizedShape"));
            case LayerKind.Embedding:
                return new EmbeddingSpec(name, Size("NumEmbeddings"), Size("EmbeddingDim"));
            case LayerKind.Softmax:
                return new ElementwiseSpec(name, ElementwiseKind.Softmax, layer.Get("Dim") is { Kind: ArgKind.Int } dim ? (int)dim.Int : null);
            case LayerKind.Dropout:
                return new ElementwiseSpec(name, ElementwiseKind.Dropout);
            case LayerKind.Block:
                return null;
            default:
                return new ElementwiseSpec(name, ElementwiseKind.Identity);
        }
    }
}
