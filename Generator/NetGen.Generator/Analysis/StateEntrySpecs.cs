using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>The parameters and buffers a layer registers, in TorchSharp's (and PyTorch's) order, with their shapes.</summary>
internal static class StateEntrySpecs
{
    public static IEnumerable<StateEntrySpec> Of(LayerSpec layer, string path, TensorShape input, ShapeEnvironment env, string member, bool certain)
    {
        StateEntrySpec Parameter(string name, params Dim[] shape) => new(path + "." + name, shape.ToEquatableArray(), "Float32", false, member, certain);
        StateEntrySpec Buffer(string name, string dtype, params Dim[] shape) => new(path + "." + name, shape.ToEquatableArray(), dtype, true, member, certain);
        Dim Size(string argument) => env.Size(layer.Get(argument));
        Dim Incoming(string argument) => layer.Get(argument).IsAbsent ? First(input) : Size(argument);
        bool On(string argument) => layer.Get(argument) is not { Kind: ArgKind.Bool, AsBool: false };

        switch (layer.Kind)
        {
            case LayerKind.Conv1d:
            case LayerKind.Conv2d:
            case LayerKind.ConvTranspose2d:
                var kernel = Kernel(layer, env);
                var groups = layer.Get("Groups").IsAbsent ? Dim.Of(1) : Size("Groups");
                var inChannels = Incoming("InChannels");
                var outChannels = Size("OutChannels");
                var weight = layer.Kind == LayerKind.ConvTranspose2d
                    ? new[] { inChannels, Divide(outChannels, groups) }
                    : new[] { outChannels, Divide(inChannels, groups) };
                yield return Parameter("weight", weight.Concat(kernel).ToArray());
                if (On("Bias"))
                {
                    yield return Parameter("bias", outChannels);
                }

                break;
            case LayerKind.Linear:
                var inFeatures = layer.Get("InFeatures").IsAbsent ? Last(input) : Size("InFeatures");
                yield return Parameter("weight", Size("OutFeatures"), inFeatures);
                if (On("Bias"))
                {
                    yield return Parameter("bias", Size("OutFeatures"));
                }

                break;
            case LayerKind.BatchNorm1d:
            case LayerKind.BatchNorm2d:
                var features = Incoming("NumFeatures");
                if (On("Affine"))
                {
                    yield return Parameter("weight", features);
                    yield return Parameter("bias", features);
                }

                if (On("TrackRunningStats"))
                {
                    yield return Buffer("running_mean", "Float32", features);
                    yield return Buffer("running_var", "Float32", features);
                    yield return Buffer("num_batches_tracked", "Int64");
                }

                break;
            case LayerKind.GroupNorm:
                if (On("Affine"))
                {
                    var channels = Incoming("NumChannels");
                    yield return Parameter("weight", channels);
                    yield return Parameter("bias", channels);
                }

                break;
            case LayerKind.LayerNorm:
                if (On("ElementwiseAffine"))
                {
                    var shape = env.Sizes(layer.Get("NormalizedShape")).ToArray();
                    yield return Parameter("weight", shape);
                    yield return Parameter("bias", shape);
                }

                break;
            case LayerKind.Embedding:
                yield return Parameter("weight", Size("NumEmbeddings"), Size("EmbeddingDim"));
                break;
        }
    }

    private static IEnumerable<Dim> Kernel(LayerSpec layer, ShapeEnvironment env)
    {
        var kernel = env.Sizes(layer.Get("KernelSize"));
        var rank = layer.Kind == LayerKind.Conv1d ? 1 : 2;
        return kernel.Count == rank ? kernel : Enumerable.Repeat(kernel.Count > 0 ? kernel[0] : Dim.Unknown, rank);
    }

    private static Dim Divide(Dim value, Dim divisor) =>
        divisor.TryGetValue(out var d) && d == 1 ? value
        : value.TryGetValue(out var v) && divisor.TryGetValue(out d) && d > 0 ? Dim.Of(v / d)
        : Dim.Unknown;

    private static Dim First(TensorShape shape) => shape.IsRankKnown && shape.Rank > 0 ? shape[0] : Dim.Unknown;

    private static Dim Last(TensorShape shape) => shape.IsRankKnown && shape.Rank > 0 ? shape[shape.Rank - 1] : Dim.Unknown;
}
