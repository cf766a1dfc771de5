using System.Collections.Generic;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.FactoryCall;

namespace NetGen.Generator.Catalogue.Layers;

/// <summary>Dropouts keep the shape and are active only while the model trains (the functional form reads the model's flag).</summary>
internal abstract class DropoutFamilyEntry : LayerEntry
{
    /// <summary>The model's own training flag, read in the generated forward.</summary>
    private const string Training = "((global::TorchSharp.torch.nn.Module)this).training";

    public override string PyTorch => "torch.nn." + Name;
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Named("P", "p", ArgRule.Probability), LayerArgument.Inplace };

    /// <summary>The <c>torch.nn.functional</c> function.</summary>
    protected abstract string Function { get; }

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}{Function}({x}, {ValueOr(layer, "P", "0.5")}, training: {Training}, inplace: {Inplace(layer, mayWorkInPlace)})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => new ElementwiseSpec(name, ElementwiseKind.Dropout);
}

internal sealed class DropoutEntry : DropoutFamilyEntry
{
    public override string Name => "Dropout";
    protected override string Function => "dropout";
}

/// <summary>Zeroes whole channels; PyTorch 1.13 takes C×L samples (or unbatched C×L) only.</summary>
internal sealed class Dropout1dEntry : DropoutFamilyEntry
{
    public override string Name => "Dropout1d";
    protected override string Function => "dropout1d";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new ElementwiseSpec(name, ElementwiseKind.Dropout, MinSampleRank: 1, MaxSampleRank: 2);
}

/// <summary>Zeroes whole channels of C×H×W samples (PyTorch 1.13 warns on other ranks but runs).</summary>
internal sealed class Dropout2dEntry : DropoutFamilyEntry
{
    public override string Name => "Dropout2d";
    protected override string Function => "dropout2d";
}
