using System.Collections.Generic;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.FactoryCall;

namespace NetGen.Generator.Catalogue.Layers;

// Dropouts keep the shape and are active only while the model trains.

internal sealed class DropoutEntry : LayerEntry
{
    public override string Name => "Dropout";
    public override string PyTorch => "torch.nn.Dropout";

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Named("P", "p", ArgRule.Probability), LayerArgument.Inplace };

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}dropout({x}, {ValueOr(layer, "P", "0.5")}, training: {Training}, inplace: {Inplace(layer, mayWorkInPlace)})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => new ElementwiseSpec(name, ElementwiseKind.Dropout);

    /// <summary>The model's own training flag, read in the generated forward.</summary>
    internal const string Training = "((global::TorchSharp.torch.nn.Module)this).training";
}
