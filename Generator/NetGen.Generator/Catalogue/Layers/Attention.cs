using System.Collections.Generic;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.LayerValues;

namespace NetGen.Generator.Catalogue.Layers;

/// <summary>
/// <c>nn.MultiheadAttention</c> as batch-first self-attention: TorchSharp's module is sequence first and returns
/// (output, weights), so the forward calls <c>NetGen.Attention.SelfAttention</c>, which swaps the batch and
/// sequence dimensions around it and keeps the output.
/// </summary>
internal sealed class MultiheadAttentionEntry : LayerEntry
{
    public override string Name => "MultiheadAttention";
    public override string PyTorch => "torch.nn.MultiheadAttention";
    public override bool HasState => true;
    public override bool ReturnsTuple => true;

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("EmbedDim", "embed_dim"),
        LayerArgument.Required("NumHeads", "num_heads"),
        LayerArgument.Named("Dropout", "dropout", ArgRule.Probability),
        LayerArgument.Named("Bias", "bias", ArgRule.Flag),
        LayerArgument.Named("AddBiasKv", "add_bias_kv", ArgRule.Flag),
        LayerArgument.Named("AddZeroAttn", "add_zero_attn", ArgRule.Flag),
    };

    public override string Invoke(string module, string x) => $"global::NetGen.Attention.SelfAttention({module}, {x})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new AttentionSpec(name, Size(layer, "EmbedDim", env), Size(layer, "NumHeads", env));

    public override IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        var embed = Size(layer, "EmbedDim", env);
        var bias = On(layer, "Bias");
        yield return LayerState.Parameter("in_proj_weight", Multiply(Dim.Of(3), embed), embed);
        if (bias)
        {
            yield return LayerState.Parameter("in_proj_bias", Multiply(Dim.Of(3), embed));
        }

        if (FlagOr(layer, "AddBiasKv", false))
        {
            yield return LayerState.Parameter("bias_k", 1, 1, embed);
            yield return LayerState.Parameter("bias_v", 1, 1, embed);
        }

        yield return LayerState.Parameter("out_proj.weight", embed, embed);
        if (bias)
        {
            yield return LayerState.Parameter("out_proj.bias", embed);
        }
    }
}

/// <summary>
/// <c>nn.TransformerEncoderLayer</c>, batch first: TorchSharp's is sequence first, so the forward calls it through
/// <c>NetGen.Attention.BatchFirst</c>. Its state is the attention's, then linear1, linear2, norm1 and norm2.
/// </summary>
internal sealed class TransformerEncoderLayerEntry : LayerEntry
{
    private static readonly string[] Activations = { "relu", "gelu" };

    public override string Name => "TransformerEncoderLayer";
    public override string PyTorch => "torch.nn.TransformerEncoderLayer";
    public override bool HasState => true;

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Named("DModel", "d_model", ArgRule.Size),
        LayerArgument.Named("Nhead", "nhead", ArgRule.Size),
        LayerArgument.Named("DimFeedforward", "dim_feedforward", ArgRule.Size),
        LayerArgument.Named("Dropout", "dropout", ArgRule.Probability),
        LayerArgument.Named("Activation", "activation", ArgRule.Value, keywords: Activations),
    };

    public override string Construct(LayerSpec layer)
    {
        var args = new List<string>();
        FactoryCall.Optional(args, layer, "DModel", "d_model");
        FactoryCall.Optional(args, layer, "Nhead", "nhead");
        FactoryCall.Optional(args, layer, "DimFeedforward", "dim_feedforward");
        FactoryCall.Optional(args, layer, "Dropout", "dropout");
        if (layer.Get("Activation") is { Kind: ArgKind.Text, Text: "gelu" })
        {
            args.Add("activation: global::TorchSharp.torch.nn.Activations.GELU");
        }

        return FactoryCall.Call(Name, args);
    }

    public override string Invoke(string module, string x) => $"global::NetGen.Attention.BatchFirst({module}, {x})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new AttentionSpec(name, SizeOr(layer, "DModel", env, 512), SizeOr(layer, "Nhead", env, 8));

    public override IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        var model = SizeOr(layer, "DModel", env, 512);
        var feedforward = SizeOr(layer, "DimFeedforward", env, 2048);
        yield return LayerState.Parameter("self_attn.in_proj_weight", Multiply(Dim.Of(3), model), model);
        yield return LayerState.Parameter("self_attn.in_proj_bias", Multiply(Dim.Of(3), model));
        yield return LayerState.Parameter("self_attn.out_proj.weight", model, model);
        yield return LayerState.Parameter("self_attn.out_proj.bias", model);
        yield return LayerState.Parameter("linear1.weight", feedforward, model);
        yield return LayerState.Parameter("linear1.bias", feedforward);
        yield return LayerState.Parameter("linear2.weight", model, feedforward);
        yield return LayerState.Parameter("linear2.bias", model);
        foreach (var norm in new[] { "norm1", "norm2" })
        {
            yield return LayerState.Parameter(norm + ".weight", model);
            yield return LayerState.Parameter(norm + ".bias", model);
        }
    }
}
