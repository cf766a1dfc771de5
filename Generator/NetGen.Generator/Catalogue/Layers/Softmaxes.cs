using System.Collections.Generic;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Catalogue.Layers;

/// <summary>Softmax and LogSoftmax along <c>Dim</c>, which counts the batch dimension and must be in range.</summary>
internal abstract class SoftmaxFamilyEntry : LayerEntry
{
    public override string PyTorch => "torch.nn." + Name;
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Required("Dim", "dim", ArgRule.Index) };

    /// <summary>The <c>torch.nn.functional</c> function.</summary>
    protected abstract string Function { get; }

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}{Function}({x}, {FactoryCall.ValueOr(layer, "Dim", "1")})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new ElementwiseSpec(name, ElementwiseKind.Softmax, layer.Get("Dim") is { Kind: ArgKind.Int } dim ? (int)dim.Int : null);
}

internal sealed class SoftmaxEntry : SoftmaxFamilyEntry
{
    public override string Name => "Softmax";
    protected override string Function => "softmax";
}

internal sealed class LogSoftmaxEntry : SoftmaxFamilyEntry
{
    public override string Name => "LogSoftmax";
    protected override string Function => "log_softmax";
}
