using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Writes the TorchSharp factory call that creates a layer module, passing every argument PyTorch
/// would, by TorchSharp's parameter names.
/// </summary>
internal static class LayerFactoryEmitter
{
    private const string Nn = "global::TorchSharp.torch.nn.";

    public static string Create(LayerSpec layer)
    {
        var args = new List<string>();
        switch (layer.Kind)
        {
            case LayerKind.Block:
                return $"new {layer.BlockType}({string.Join(", ", layer.BlockArgs.Select(a => a.ToCSharp()))})";
            case LayerKind.Conv1d:
            case LayerKind.Conv2d:
            case LayerKind.ConvTranspose2d:
                return Convolution(layer);
            case LayerKind.BatchNorm1d:
            case LayerKind.BatchNorm2d:
                args.Add(Required(layer, "NumFeatures"));
                Optional(args, layer, "Eps", "eps");
                Optional(args, layer, "Momentum", "momentum");
                Optional(args, layer, "Affine", "affine");
                Optional(args, layer, "TrackRunningStats", "track_running_stats");
                break;
            case LayerKind.LayerNorm:
                var shape = layer.Get("NormalizedShape");
                args.Add(shape.Kind == ArgKind.Parameter ? "(long)" + shape.ToCSharp() : shape.ToCSharp());
                Optional(args, layer, "Eps", "eps");
                Optional(args, layer, "ElementwiseAffine", "elementwise_affine");
                break;
            case LayerKind.GroupNorm:
                args.Add(Required(layer, "NumGroups"));
                args.Add(Required(layer, "NumChannels"));
                Optional(args, layer, "Eps", "eps");
                Optional(args, layer, "Affine", "affine");
                break;
            case LayerKind.MaxPool2d:
            case LayerKind.AvgPool2d:
                return Pool(layer);
            case LayerKind.AdaptiveAvgPool2d:
                args.Add(Pair(layer.Get("OutputSize")));
                break;
            case LayerKind.Linear:
                args.Add(Required(layer, "InFeatures"));
                args.Add(Required(layer, "OutFeatures"));
                Optional(args, layer, "Bias", "hasBias");
                break;
            case LayerKind.Dropout:
                Optional(args, layer, "P", "p");
                Optional(args, layer, "Inplace", "inplace");
                break;
            case LayerKind.Flatten:
                Optional(args, layer, "StartDim", "start_dim");
                Optional(args, layer, "EndDim", "end_dim");
                break;
            case LayerKind.Embedding:
                args.Add(Required(layer, "NumEmbeddings"));
                args.Add(Required(layer, "EmbeddingDim"));
                Optional(args, layer, "PaddingIdx", "padding_idx");
                break;
            case LayerKind.LeakyReLU:
                Optional(args, layer, "NegativeSlope", "negative_slope");
                Optional(args, layer, "Inplace", "inplace");
                break;
            case LayerKind.GELU:
                if (layer.Get("Approximate") is { Kind: ArgKind.Text, Text: "tanh" })
                {
                    args.Add("global::TorchSharp.Modules.GELU.Approximate.tanh");
                }

                break;
            case LayerKind.Softmax:
                args.Add(Required(layer, "Dim"));
                break;
            case LayerKind.ReLU:
            case LayerKind.ReLU6:
            case LayerKind.SiLU:
                Optional(args, layer, "Inplace", "inplace");
                break;
        }

        return Nn + layer.Kind + "(" + string.Join(", ", args) + ")";
    }

    private static string Convolution(LayerSpec layer)
    {
        var isTransposed = layer.Kind == LayerKind.ConvTranspose2d;
        var padding = layer.Get("Padding");
        var usesPairs = layer.Kind != LayerKind.Conv1d
            && new[] { "KernelSize", "Stride", "Padding", "Dilation", "OutputPadding" }.Any(n => layer.Get(n).Kind == ArgKind.IntList);
        var args = new List<string> { Required(layer, "InChannels"), Required(layer, "OutChannels") };
        args.Add(usesPairs ? Pair(layer.Get("KernelSize")) : Required(layer, "KernelSize"));
        Optional(args, layer, "Stride", "stride", usesPairs);
        if (padding.Kind == ArgKind.Text)
        {
            args.Add("padding: global::TorchSharp.Padding." + (padding.Text == "same" ? "Same" : "Valid"));
        }
        else if (!usesPairs && padding is { Kind: ArgKind.Int, Int: 0 })
        {
            // A literal 0 also converts to the Padding enum, which makes the call ambiguous.
            args.Add("padding: 0L");
        }
        else
        {
            Optional(args, layer, "Padding", "padding", usesPairs);
        }

        if (isTransposed)
        {
            Optional(args, layer, "OutputPadding", "output_padding", usesPairs);
        }

        Optional(args, layer, "Dilation", "dilation", usesPairs);
        Optional(args, layer, "Groups", "groups");
        Optional(args, layer, "Bias", "bias");
        return Nn + layer.Kind + "(" + string.Join(", ", args) + ")";
    }

    private static string Pool(LayerSpec layer)
    {
        var usesArrays = new[] { "KernelSize", "Stride", "Padding", "Dilation" }.Any(n => layer.Get(n).Kind == ArgKind.IntList);
        var args = new List<string> { usesArrays ? LongArray(layer.Get("KernelSize")) : Required(layer, "KernelSize") };
        foreach (var (name, parameter) in new[] { ("Stride", "stride"), ("Padding", "padding"), ("Dilation", "dilation") })
        {
            var value = layer.Get(name);
            if (!value.IsAbsent && (layer.Kind == LayerKind.MaxPool2d || name != "Dilation"))
            {
                args.Add(parameter + ": " + (usesArrays ? LongArray(value) : value.ToCSharp()));
            }
        }

        Optional(args, layer, "CeilMode", "ceil_mode");
        if (layer.Kind == LayerKind.AvgPool2d)
        {
            Optional(args, layer, "CountIncludePad", "count_include_pad");
        }

        return Nn + layer.Kind + "(" + string.Join(", ", args) + ")";
    }

    public static string Required(LayerSpec layer, string name)
    {
        var value = layer.Get(name);
        return value.IsAbsent ? "0L" : value.ToCSharp();
    }

    private static void Optional(List<string> args, LayerSpec layer, string name, string parameter, bool asPair = false)
    {
        var value = layer.Get(name);
        if (!value.IsAbsent)
        {
            args.Add(parameter + ": " + (asPair ? Pair(value) : value.ToCSharp()));
        }
    }

    /// <summary>A <c>(long, long)</c> tuple: a scalar is used for both spatial dimensions, as in PyTorch.</summary>
    public static string Pair(ArgValue value) => value.Kind == ArgKind.IntList && value.Ints.Count == 2
        ? $"({value.Ints[0]}L, {value.Ints[1]}L)"
        : $"((long){value.ToCSharp()}, (long){value.ToCSharp()})";

    /// <summary>A <c>long[]</c>: a scalar is used for both spatial dimensions.</summary>
    public static string LongArray(ArgValue value) => value.Kind == ArgKind.IntList
        ? value.ToCSharp()
        : $"new long[] {{ {value.ToCSharp()}, {value.ToCSharp()} }}";
}
