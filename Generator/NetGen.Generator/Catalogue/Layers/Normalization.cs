using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.LayerValues;

namespace NetGen.Generator.Catalogue.Layers;

/// <summary>
/// BatchNorm1d/2d: affine weight and bias, then the running statistics as buffers (PyTorch's order).
/// <c>NumFeatures</c> may be inferred from the input's channels.
/// </summary>
internal abstract class BatchNormEntry : LayerEntry
{
    public override bool HasState => true;

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("NumFeatures", "num_features"),
        LayerArgument.Named("Eps", "eps", ArgRule.Value),
        LayerArgument.Named("Momentum", "momentum", ArgRule.Value),
        LayerArgument.Named("Affine", "affine", ArgRule.Flag),
        LayerArgument.Named("TrackRunningStats", "track_running_stats", ArgRule.Flag),
    };

    public override LayerArgument? InferableInput => Arguments[0];

    public override IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        var features = Incoming(layer, "NumFeatures", env, First(input));
        if (On(layer, "Affine"))
        {
            yield return LayerState.Parameter("weight", features);
            yield return LayerState.Parameter("bias", features);
        }

        if (On(layer, "TrackRunningStats"))
        {
            yield return LayerState.Buffer("running_mean", "Float32", features);
            yield return LayerState.Buffer("running_var", "Float32", features);
            yield return LayerState.Buffer("num_batches_tracked", "Int64");
        }
    }
}

internal sealed class BatchNorm1dEntry : BatchNormEntry
{
    public override string Name => "BatchNorm1d";
    public override string PyTorch => "torch.nn.BatchNorm1d";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => NormSpec.BatchNorm1d(name, Size(layer, "NumFeatures", env));
}

internal sealed class BatchNorm2dEntry : BatchNormEntry
{
    public override string Name => "BatchNorm2d";
    public override string PyTorch => "torch.nn.BatchNorm2d";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => NormSpec.BatchNorm2d(name, Size(layer, "NumFeatures", env));

    public override TensorShape SeedInput(Dim channels) => TensorShape.Of(channels, Dim.Unknown, Dim.Unknown);
}

internal sealed class BatchNorm3dEntry : BatchNormEntry
{
    public override string Name => "BatchNorm3d";
    public override string PyTorch => "torch.nn.BatchNorm3d";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => NormSpec.BatchNorm3d(name, Size(layer, "NumFeatures", env));

    public override TensorShape SeedInput(Dim channels) => TensorShape.Of(channels, Dim.Unknown, Dim.Unknown, Dim.Unknown);
}

/// <summary>
/// <c>nn.InstanceNorm2d</c>: the batch norm's arguments, but <c>Affine</c> and <c>TrackRunningStats</c> default to
/// false, so by default it has no state at all.
/// </summary>
internal sealed class InstanceNorm2dEntry : LayerEntry
{
    public override string Name => "InstanceNorm2d";
    public override string PyTorch => "torch.nn.InstanceNorm2d";
    public override bool HasState => true;

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("NumFeatures", "num_features"),
        LayerArgument.Named("Eps", "eps", ArgRule.Value),
        LayerArgument.Named("Momentum", "momentum", ArgRule.Value),
        LayerArgument.Named("Affine", "affine", ArgRule.Flag),
        LayerArgument.Named("TrackRunningStats", "track_running_stats", ArgRule.Flag),
    };

    public override LayerArgument? InferableInput => Arguments[0];

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => NormSpec.InstanceNorm2d(name, Size(layer, "NumFeatures", env));

    public override IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        var features = Incoming(layer, "NumFeatures", env, First(input));
        if (FlagOr(layer, "Affine", false))
        {
            yield return LayerState.Parameter("weight", features);
            yield return LayerState.Parameter("bias", features);
        }

        if (FlagOr(layer, "TrackRunningStats", false))
        {
            yield return LayerState.Buffer("running_mean", "Float32", features);
            yield return LayerState.Buffer("running_var", "Float32", features);
            yield return LayerState.Buffer("num_batches_tracked", "Int64");
        }
    }

    public override TensorShape SeedInput(Dim channels) => TensorShape.Of(channels, Dim.Unknown, Dim.Unknown);
}

/// <summary><c>nn.LocalResponseNorm</c>: keeps the shape of a sample of two or more dimensions; no state.</summary>
internal sealed class LocalResponseNormEntry : LayerEntry
{
    public override string Name => "LocalResponseNorm";
    public override string PyTorch => "torch.nn.LocalResponseNorm";

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("Size", "size"),
        LayerArgument.Named("Alpha", "alpha", ArgRule.Value),
        LayerArgument.Named("Beta", "beta", ArgRule.Value),
        LayerArgument.Named("K", "k", ArgRule.Value),
    };

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}local_response_norm({x}, {FactoryCall.Required(layer, "Size")}, {FactoryCall.ValueOr(layer, "Alpha", "0.0001")}, {FactoryCall.ValueOr(layer, "Beta", "0.75")}, {FactoryCall.ValueOr(layer, "K", "1.0")})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => new ElementwiseSpec(name, ElementwiseKind.Identity, MinSampleRank: 2);
}

/// <summary><c>nn.GroupNorm</c>: <c>NumChannels</c> may be inferred; the groups must divide it.</summary>
internal sealed class GroupNormEntry : LayerEntry
{
    public override string Name => "GroupNorm";
    public override string PyTorch => "torch.nn.GroupNorm";
    public override bool HasState => true;
    public override string GroupsArgument => "NumGroups";

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("NumGroups", "num_groups"),
        LayerArgument.Required("NumChannels", "num_channels"),
        LayerArgument.Named("Eps", "eps", ArgRule.Value),
        LayerArgument.Named("Affine", "affine", ArgRule.Flag),
    };

    public override LayerArgument? InferableInput => Arguments[1];

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        NormSpec.GroupNorm(name, Size(layer, "NumGroups", env), Size(layer, "NumChannels", env));

    public override IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        if (On(layer, "Affine"))
        {
            var channels = Incoming(layer, "NumChannels", env, First(input));
            yield return LayerState.Parameter("weight", channels);
            yield return LayerState.Parameter("bias", channels);
        }
    }
}

/// <summary><c>nn.LayerNorm</c>: the sample's trailing dimensions must equal <c>NormalizedShape</c>.</summary>
internal sealed class LayerNormEntry : LayerEntry
{
    public override string Name => "LayerNorm";
    public override string PyTorch => "torch.nn.LayerNorm";
    public override bool HasState => true;

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("NormalizedShape", "normalized_shape", ArgRule.Shape),
        LayerArgument.Named("Eps", "eps", ArgRule.Value),
        LayerArgument.Named("ElementwiseAffine", "elementwise_affine", ArgRule.Flag),
    };

    public override string Construct(LayerSpec layer)
    {
        var shape = layer.Get("NormalizedShape");
        var args = new List<string> { shape.Kind is ArgKind.Parameter or ArgKind.Expression ? shape.ToCSharpLong() : shape.ToCSharp() };
        FactoryCall.Optional(args, layer, "Eps", "eps");
        FactoryCall.Optional(args, layer, "ElementwiseAffine", "elementwise_affine");
        return FactoryCall.Call(Name, args);
    }

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => new LayerNormSpec(name, Sizes(layer, "NormalizedShape", env));

    public override IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        if (On(layer, "ElementwiseAffine"))
        {
            var shape = Sizes(layer, "NormalizedShape", env).ToArray();
            yield return LayerState.Parameter("weight", shape);
            yield return LayerState.Parameter("bias", shape);
        }
    }
}
