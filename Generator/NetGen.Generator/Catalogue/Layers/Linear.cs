using System.Collections.Generic;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.LayerValues;

namespace NetGen.Generator.Catalogue.Layers;

/// <summary><c>nn.Linear</c>: applies to the last dimension; <c>InFeatures</c> may be inferred from it.</summary>
internal sealed class LinearEntry : LayerEntry
{
    public override string Name => "Linear";
    public override string PyTorch => "torch.nn.Linear";
    public override bool HasState => true;

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("InFeatures", "in_features", torchSharp: "inputSize"),
        LayerArgument.Required("OutFeatures", "out_features", torchSharp: "outputSize"),
        LayerArgument.Named("Bias", "bias", ArgRule.Flag, torchSharp: "hasBias"),
    };

    public override LayerArgument? InferableInput => Arguments[0];

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new LinearSpec(name, Size(layer, "InFeatures", env), Size(layer, "OutFeatures", env));

    public override IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        var outFeatures = Size(layer, "OutFeatures", env);
        yield return LayerState.Parameter("weight", outFeatures, Incoming(layer, "InFeatures", env, Last(input)));
        if (On(layer, "Bias"))
        {
            yield return LayerState.Parameter("bias", outFeatures);
        }
    }

    public override long MultAdds(LayerSpec layer, TensorShape input, TensorShape output, ShapeEnvironment env)
    {
        var last = Known(Last(input));
        var inFeatures = layer.Get("InFeatures").IsAbsent ? last : Known(Size(layer, "InFeatures", env));
        var rows = Elements(input) < 0 ? -1 : Elements(input) / System.Math.Max(1, last);
        return Counting.Product(new[] { rows, inFeatures, Known(Size(layer, "OutFeatures", env)) });
    }
}

/// <summary><c>nn.Embedding</c>: adds a last dimension of <c>EmbeddingDim</c>.</summary>
internal sealed class EmbeddingEntry : LayerEntry
{
    public override string Name => "Embedding";
    public override string PyTorch => "torch.nn.Embedding";
    public override bool HasState => true;

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("NumEmbeddings", "num_embeddings"),
        LayerArgument.Required("EmbeddingDim", "embedding_dim", torchSharp: "embedding_dims"),
        LayerArgument.Named("PaddingIdx", "padding_idx", ArgRule.Count),
    };

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new EmbeddingSpec(name, Size(layer, "NumEmbeddings", env), Size(layer, "EmbeddingDim", env));

    public override IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        yield return LayerState.Parameter("weight", Size(layer, "NumEmbeddings", env), Size(layer, "EmbeddingDim", env));
    }
}
