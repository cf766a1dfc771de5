using System.Collections.Generic;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.FactoryCall;

namespace NetGen.Generator.Catalogue.Layers;

// Activations keep the shape and have no state; each also has a functional form.

internal sealed class ReLUEntry : LayerEntry
{
    public override string Name => "ReLU";
    public override string PyTorch => "torch.nn.ReLU";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Inplace };
    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) => $"{FactoryCall.Functional}relu({x}, inplace: {Inplace(layer, mayWorkInPlace)})";
}

internal sealed class ReLU6Entry : LayerEntry
{
    public override string Name => "ReLU6";
    public override string PyTorch => "torch.nn.ReLU6";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Inplace };
    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) => $"{FactoryCall.Functional}relu6({x}, inplace: {Inplace(layer, mayWorkInPlace)})";
}

internal sealed class LeakyReLUEntry : LayerEntry
{
    public override string Name => "LeakyReLU";
    public override string PyTorch => "torch.nn.LeakyReLU";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Named("NegativeSlope", "negative_slope", ArgRule.Value), LayerArgument.Inplace };
    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}leaky_relu({x}, {ValueOr(layer, "NegativeSlope", "0.01")}, inplace: {Inplace(layer, mayWorkInPlace)})";
}

internal sealed class GELUEntry : LayerEntry
{
    private const string Tanh = "global::TorchSharp.Modules.GELU.Approximate.tanh";
    private static readonly string[] Approximations = { "none", "tanh" };

    public override string Name => "GELU";
    public override string PyTorch => "torch.nn.GELU";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Named("Approximate", "approximate", ArgRule.Value, keywords: Approximations) };

    public override string Construct(LayerSpec layer) => Call(Name, IsTanh(layer) ? new[] { Tanh } : new string[0]);

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        IsTanh(layer) ? $"{FactoryCall.Functional}gelu({x}, {Tanh})" : $"{FactoryCall.Functional}gelu({x})";

    private static bool IsTanh(LayerSpec layer) => layer.Get("Approximate") is { Kind: ArgKind.Text, Text: "tanh" };
}

internal sealed class SiLUEntry : LayerEntry
{
    public override string Name => "SiLU";
    public override string PyTorch => "torch.nn.SiLU";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Inplace };
    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) => $"{FactoryCall.Functional}silu({x}, inplace: {Inplace(layer, mayWorkInPlace)})";
}

internal sealed class SigmoidEntry : LayerEntry
{
    public override string Name => "Sigmoid";
    public override string PyTorch => "torch.nn.Sigmoid";
    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) => $"{FactoryCall.Functional}sigmoid({x})";
}

internal sealed class TanhEntry : LayerEntry
{
    public override string Name => "Tanh";
    public override string PyTorch => "torch.nn.Tanh";
    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) => $"{FactoryCall.Functional}tanh({x})";
}

internal sealed class SoftmaxEntry : LayerEntry
{
    public override string Name => "Softmax";
    public override string PyTorch => "torch.nn.Softmax";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Required("Dim", "dim", ArgRule.Value) };
    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) => $"{FactoryCall.Functional}softmax({x}, {ValueOr(layer, "Dim", "1")})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new ElementwiseSpec(name, ElementwiseKind.Softmax, layer.Get("Dim") is { Kind: ArgKind.Int } dim ? (int)dim.Int : null);
}
