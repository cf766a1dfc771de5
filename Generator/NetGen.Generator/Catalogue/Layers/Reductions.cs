using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.FactoryCall;
using static NetGen.Generator.Catalogue.LayerValues;

namespace NetGen.Generator.Catalogue.Layers;

/// <summary>
/// <c>x.mean(dims, keepdim)</c>, which PyTorch writes as a tensor method (ShuffleNetV2's <c>x.mean([2, 3])</c>);
/// as a module it is <c>NetGen.Mean</c> of NetGen.Runtime.
/// </summary>
internal sealed class MeanEntry : LayerEntry
{
    public override string Name => "Mean";
    public override string PyTorch => "torch.mean";
    public override string ModuleType => "global::NetGen.Mean";

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("Dims", "dim", ArgRule.Value),
        LayerArgument.Named("Keepdim", "keepdim", ArgRule.Flag),
    };

    public override string Construct(LayerSpec layer) => $"new {ModuleType}({Required(layer, "Dims")}, {ValueOr(layer, "Keepdim", "false")})";

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{x}.mean({Required(layer, "Dims")}, {ValueOr(layer, "Keepdim", "false")})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new MeanSpec(name, layer.Get("Dims").Ints.Select(d => (int)d).ToEquatableArray(), FlagOr(layer, "Keepdim", false));
}

/// <summary>
/// <c>x.select(dim, index)</c>, PyTorch's <c>x[:, 0]</c>: a vision transformer's class token. As a module it is
/// <c>NetGen.Select</c> of NetGen.Runtime.
/// </summary>
internal sealed class SelectEntry : LayerEntry
{
    public override string Name => "Select";
    public override string PyTorch => "torch.select";
    public override string ModuleType => "global::NetGen.Select";

    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[]
    {
        LayerArgument.Required("Dim", "dim", ArgRule.Index),
        LayerArgument.Required("Index", "index", ArgRule.Index),
    };

    public override string Construct(LayerSpec layer) => $"new {ModuleType}({Required(layer, "Dim")}, {Required(layer, "Index")})";

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{x}.select({Required(layer, "Dim")}, {Required(layer, "Index")})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new SelectSpec(name, IntOr(layer, "Dim", 1), IntOr(layer, "Index", 0));
}

/// <summary><c>nn.ChannelShuffle(groups)</c>, ShuffleNet's channel shuffle; TorchSharp has the module and <c>Tensor.channel_shuffle</c>.</summary>
internal sealed class ChannelShuffleEntry : LayerEntry
{
    public override string Name => "ChannelShuffle";
    public override string PyTorch => "torch.nn.ChannelShuffle";
    public override string GroupsArgument => "Groups";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Required("Groups", "groups") };

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) => $"{x}.channel_shuffle({Required(layer, "Groups")})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => new ChannelShuffleSpec(name, Size(layer, "Groups", env));
}
