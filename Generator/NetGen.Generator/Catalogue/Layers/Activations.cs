using System.Collections.Generic;
using NetGen.Generator.Model;
using static NetGen.Generator.Catalogue.FactoryCall;

namespace NetGen.Generator.Catalogue.Layers;

// Activations keep the shape and have no state; each also has a functional form.

/// <summary>An activation whose only argument is <c>inplace</c>, with the functional <c>F.{name}(x, inplace)</c>.</summary>
internal abstract class InplaceActivationEntry : LayerEntry
{
    public override string PyTorch => "torch.nn." + Name;
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Inplace };

    /// <summary>The <c>torch.nn.functional</c> function.</summary>
    protected abstract string Function { get; }

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}{Function}({x}, inplace: {Inplace(layer, mayWorkInPlace)})";
}

internal sealed class ReLUEntry : InplaceActivationEntry
{
    public override string Name => "ReLU";
    protected override string Function => "relu";
}

internal sealed class ReLU6Entry : InplaceActivationEntry
{
    public override string Name => "ReLU6";
    protected override string Function => "relu6";
}

internal sealed class SiLUEntry : InplaceActivationEntry
{
    public override string Name => "SiLU";
    protected override string Function => "silu";
}

internal sealed class HardswishEntry : InplaceActivationEntry
{
    public override string Name => "Hardswish";
    protected override string Function => "hardswish";
}

internal sealed class HardsigmoidEntry : InplaceActivationEntry
{
    public override string Name => "Hardsigmoid";
    protected override string Function => "hardsigmoid";
}

internal sealed class SELUEntry : InplaceActivationEntry
{
    public override string Name => "SELU";
    protected override string Function => "selu";
}

internal sealed class MishEntry : InplaceActivationEntry
{
    public override string Name => "Mish";
    protected override string Function => "mish";
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
