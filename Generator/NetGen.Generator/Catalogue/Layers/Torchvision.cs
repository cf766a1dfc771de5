using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.FactoryCall;
using static NetGen.Generator.Catalogue.LayerValues;

namespace NetGen.Generator.Catalogue.Layers;

// torchvision's own layers, which TorchSharp lacks: NetGen.Runtime has them as modules of the same names.

/// <summary>torchvision's <c>StochasticDepth</c>: dropout of whole samples or of the batch, while training only.</summary>
internal sealed class StochasticDepthEntry : LayerEntry
{
    private static readonly string[] Modes = { "row", "batch" };

    public override string Name => "StochasticDepth";
    public override string PyTorch => "torchvision.ops.StochasticDepth";
    public override string ModuleType => "global::NetGen.StochasticDepth";

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("P", "p", ArgRule.Probability),
        new LayerArgument("Mode", "mode", ArgRule.Value, positional: true, keywords: Modes),
    };

    public override string Construct(LayerSpec layer) => $"new {ModuleType}({Required(layer, "P")}, {Required(layer, "Mode")})";

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{ModuleType}.Apply({x}, {Required(layer, "P")}, {Required(layer, "Mode")}, ((global::TorchSharp.torch.nn.Module)this).training)";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => new ElementwiseSpec(name, ElementwiseKind.Dropout);
}

/// <summary>torchvision's <c>Permute(dims)</c>, the dims counting the batch.</summary>
internal sealed class PermuteEntry : LayerEntry
{
    public override string Name => "Permute";
    public override string PyTorch => "torchvision.ops.Permute";
    public override string ModuleType => "global::NetGen.Permute";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Required("Dims", "dims", ArgRule.Value) };

    public override string Construct(LayerSpec layer) => $"new {ModuleType}({Required(layer, "Dims")})";

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) => $"{x}.permute({Required(layer, "Dims")})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new PermuteSpec(name, layer.Get("Dims").Ints.Select(d => (int)d).ToEquatableArray());
}

/// <summary>torchvision's <c>LayerNorm2d</c> (ConvNeXt): a LayerNorm over the channels of a C×H×W sample.</summary>
internal sealed class LayerNorm2dEntry : LayerEntry
{
    public override string Name => "LayerNorm2d";
    public override string PyTorch => "torchvision.models.convnext.LayerNorm2d";
    public override string ModuleType => "global::NetGen.LayerNorm2d";
    public override bool HasState => true;

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("NormalizedShape", "normalized_shape"),
        LayerArgument.Named("Eps", "eps", ArgRule.Value),
        LayerArgument.Named("ElementwiseAffine", "elementwise_affine", ArgRule.Flag),
    };

    public override string Construct(LayerSpec layer)
    {
        var args = new List<string> { Required(layer, "NormalizedShape") };
        Optional(args, layer, "Eps", "eps");
        Optional(args, layer, "ElementwiseAffine", "elementwise_affine");
        return $"new {ModuleType}({string.Join(", ", args)})";
    }

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => NormSpec.BatchNorm2d(name, Size(layer, "NormalizedShape", env));

    public override IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        if (On(layer, "ElementwiseAffine"))
        {
            var channels = Size(layer, "NormalizedShape", env);
            yield return LayerState.Parameter("weight", channels);
            yield return LayerState.Parameter("bias", channels);
        }
    }

    public override TensorShape SeedInput(Dim channels) => TensorShape.Of(channels, Dim.Unknown, Dim.Unknown);
}
