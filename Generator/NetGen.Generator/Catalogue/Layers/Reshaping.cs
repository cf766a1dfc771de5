using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.FactoryCall;
using static NetGen.Generator.Catalogue.LayerValues;

namespace NetGen.Generator.Catalogue.Layers;

// Layers without state that move or resize dimensions, and Identity.

internal sealed class IdentityEntry : LayerEntry
{
    public override string Name => "Identity";
    public override string PyTorch => "torch.nn.Identity";

    // A new handle on the same tensor, as nn.Identity returns its input.
    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) => $"{x}.alias()";
}

/// <summary><c>nn.Flatten</c>; as a functional op it is <c>torch.flatten(x, StartDim, EndDim)</c>.</summary>
internal sealed class FlattenEntry : LayerEntry
{
    public override string Name => "Flatten";
    public override string PyTorch => "torch.nn.Flatten";

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Named("StartDim", "start_dim", ArgRule.Index),
        LayerArgument.Named("EndDim", "end_dim", ArgRule.Index),
    };

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{x}.flatten({ValueOr(layer, "StartDim", "1")}, {ValueOr(layer, "EndDim", "-1")})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new FlattenSpec(name, IntOr(layer, "StartDim", 1), IntOr(layer, "EndDim", -1));
}

internal sealed class UnflattenEntry : LayerEntry
{
    public override string Name => "Unflatten";
    public override string PyTorch => "torch.nn.Unflatten";

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("Dim", "dim", ArgRule.Index),
        LayerArgument.Required("UnflattenedSize", "unflattened_size", ArgRule.Value),
    };

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{x}.unflatten({Required(layer, "Dim")}, {Required(layer, "UnflattenedSize")})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new UnflattenSpec(name, IntOr(layer, "Dim", 1), layer.Get("UnflattenedSize").Ints.Select(Dim.Of).ToEquatableArray());
}

internal sealed class PixelShuffleEntry : LayerEntry
{
    public override string Name => "PixelShuffle";
    public override string PyTorch => "torch.nn.PixelShuffle";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Required("UpscaleFactor", "upscale_factor") };

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}pixel_shuffle({x}, {Required(layer, "UpscaleFactor")})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => new PixelShuffleSpec(name, Size(layer, "UpscaleFactor", env));
}

/// <summary>
/// <c>nn.Upsample</c> by <c>Size</c> or <c>ScaleFactor</c>. TorchSharp needs one value per spatial dimension when the
/// module is built, so the rank comes from the mode (linear 1, bilinear and bicubic 2, trilinear 3) or, for nearest,
/// from a <c>Size</c> list, else 2 (images); the shape rule refuses other ranks.
/// </summary>
internal sealed class UpsampleEntry : LayerEntry
{
    private static readonly string[] Modes = { "nearest", "linear", "bilinear", "bicubic", "trilinear" };

    public override string Name => "Upsample";
    public override string PyTorch => "torch.nn.Upsample";

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Named("Size", "size", ArgRule.Size),
        LayerArgument.Named("ScaleFactor", "scale_factor", ArgRule.Value),
        LayerArgument.Named("Mode", "mode", ArgRule.Value, keywords: Modes),
        LayerArgument.Named("AlignCorners", "align_corners", ArgRule.Flag),
    };

    public override string Construct(LayerSpec layer) =>
        Call(Name, SizeAndScale(layer).Append("mode: global::TorchSharp.torch.UpsampleMode." + ModeEnum(layer)).Concat(AlignCorners(layer)));

    // F.upsample passes align_corners even to nearest, which libtorch refuses; F.interpolate does not.
    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}interpolate({string.Join(", ", new[] { x }.Concat(SizeAndScale(layer)).Append("mode: global::TorchSharp.torch.InterpolationMode." + ModeEnum(layer)).Concat(AlignCorners(layer)))})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env)
    {
        var size = layer.Get("Size");
        var sizes = size.IsAbsent ? EquatableArray<Dim>.Empty : env.Sizes(size);
        var scale = layer.Get("ScaleFactor") is { Kind: ArgKind.Double } s ? s.Double : (double?)null;
        return new UpsampleSpec(name, sizes, scale, Rank(layer));
    }

    private static IEnumerable<string> SizeAndScale(LayerSpec layer)
    {
        var rank = Rank(layer);
        var size = layer.Get("Size");
        if (!size.IsAbsent)
        {
            yield return "size: " + (size.Kind == ArgKind.IntList ? size.ToCSharp() : LongArray(size, rank));
        }

        var scale = layer.Get("ScaleFactor");
        if (!scale.IsAbsent)
        {
            yield return "scale_factor: new double[] { " + string.Join(", ", Enumerable.Repeat(scale.ToCSharp(), rank)) + " }";
        }
    }

    private static IEnumerable<string> AlignCorners(LayerSpec layer) =>
        layer.Get("AlignCorners") is { IsAbsent: false } value ? new[] { "align_corners: " + value.ToCSharp() } : Enumerable.Empty<string>();

    /// <summary>The number of spatial dimensions the built module takes.</summary>
    private static int Rank(LayerSpec layer) => ModeName(layer) switch
    {
        "linear" => 1,
        "trilinear" => 3,
        "nearest" when layer.Get("Size") is { Kind: ArgKind.IntList } size => size.Ints.Count,
        _ => 2,
    };

    private static string ModeName(LayerSpec layer) => layer.Get("Mode") is { Kind: ArgKind.Text } mode ? mode.Text! : "nearest";

    private static string ModeEnum(LayerSpec layer)
    {
        var mode = ModeName(layer);
        return char.ToUpperInvariant(mode[0]) + mode.Substring(1);
    }
}
