using System.Collections.Generic;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.FactoryCall;

namespace NetGen.Generator.Catalogue.Layers;

// Activations with arguments beyond inplace; PReLU's slope is learnable.

internal sealed class LeakyReLUEntry : LayerEntry
{
    public override string Name => "LeakyReLU";
    public override string PyTorch => "torch.nn.LeakyReLU";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Named("NegativeSlope", "negative_slope", ArgRule.Value), LayerArgument.Inplace };
    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}leaky_relu({x}, {ValueOr(layer, "NegativeSlope", "0.01")}, inplace: {Inplace(layer, mayWorkInPlace)})";
}

internal sealed class ELUEntry : LayerEntry
{
    public override string Name => "ELU";
    public override string PyTorch => "torch.nn.ELU";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Named("Alpha", "alpha", ArgRule.Value), LayerArgument.Inplace };
    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}elu({x}, {ValueOr(layer, "Alpha", "1.0")}, inplace: {Inplace(layer, mayWorkInPlace)})";
}

internal sealed class SoftplusEntry : LayerEntry
{
    public override string Name => "Softplus";
    public override string PyTorch => "torch.nn.Softplus";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Named("Beta", "beta", ArgRule.Value), LayerArgument.Named("Threshold", "threshold", ArgRule.Value) };
    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}softplus({x}, {ValueOr(layer, "Beta", "1.0")}, {ValueOr(layer, "Threshold", "20.0")})";
}

internal sealed class HardtanhEntry : LayerEntry
{
    public override string Name => "Hardtanh";
    public override string PyTorch => "torch.nn.Hardtanh";

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Named("MinVal", "min_val", ArgRule.Value),
        LayerArgument.Named("MaxVal", "max_val", ArgRule.Value),
        LayerArgument.Inplace,
    };

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}hardtanh({x}, {ValueOr(layer, "MinVal", "-1.0")}, {ValueOr(layer, "MaxVal", "1.0")}, inplace: {Inplace(layer, mayWorkInPlace)})";
}

/// <summary><c>nn.PReLU</c>: a learnable slope (<c>weight</c>), one for all channels or one per channel.</summary>
internal sealed class PReLUEntry : LayerEntry
{
    public override string Name => "PReLU";
    public override string PyTorch => "torch.nn.PReLU";
    public override bool HasState => true;

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Named("NumParameters", "num_parameters", ArgRule.Size),
        LayerArgument.Named("Init", "init", ArgRule.Value),
    };

    // TorchSharp has no default for num_parameters.
    public override string Construct(LayerSpec layer)
    {
        var args = new List<string> { ValueOr(layer, "NumParameters", "1L") };
        Optional(args, layer, "Init", "init");
        return Call(Name, args);
    }

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new ChannelwiseSpec(name, LayerValues.SizeOr(layer, "NumParameters", env, 1));

    public override IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        yield return LayerState.Parameter("weight", LayerValues.SizeOr(layer, "NumParameters", env, 1));
    }
}
