using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.FactoryCall;
using static NetGen.Generator.Catalogue.LayerValues;

namespace NetGen.Generator.Catalogue.Layers;

/// <summary>
/// Max and average pools of 1 to 3 spatial dimensions: stride defaults to the kernel size; as functional ops
/// they are <c>F.max_poolNd</c> / <c>F.avg_poolNd</c>.
/// </summary>
internal abstract class PoolEntry : LayerEntry
{
    private static readonly string[] PerDimension = { "KernelSize", "Stride", "Padding", "Dilation" };

    public override string PyTorch => "torch.nn." + Name;

    protected abstract PoolKind Kind { get; }

    private bool IsMax => Kind is PoolKind.MaxPool1d or PoolKind.MaxPool2d or PoolKind.MaxPool3d;

    private int Rank => Kind switch { PoolKind.MaxPool1d or PoolKind.AvgPool1d => 1, PoolKind.MaxPool3d => 3, _ => 2 };

    public override IReadOnlyList<LayerArgument> Arguments => _arguments ??= CreateArguments();

    public override bool AcceptsSizeList(string argument) => Rank > 1 && PerDimension.Contains(argument);

    private IReadOnlyList<LayerArgument>? _arguments;

    public override string Construct(LayerSpec layer)
    {
        // 1-d pools take scalars only; the others take one long[] per argument once any argument is a list.
        var usesArrays = Rank > 1 && PerDimension.Any(n => layer.Get(n).IsList);
        var args = new List<string> { usesArrays ? LongArray(layer.Get("KernelSize"), Rank) : Required(layer, "KernelSize") };
        foreach (var (name, parameter) in new[] { ("Stride", "stride"), ("Padding", "padding"), ("Dilation", "dilation") })
        {
            var value = layer.Get(name);
            if (!value.IsAbsent && (IsMax || name != "Dilation"))
            {
                args.Add(parameter + ": " + (usesArrays ? LongArray(value, Rank) : value.ToCSharp()));
            }
        }

        Optional(args, layer, "CeilMode", "ceil_mode");
        if (!IsMax)
        {
            Optional(args, layer, "CountIncludePad", "count_include_pad");
        }

        return Call(Name, args);
    }

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace)
    {
        var ceil = ValueOr(layer, "CeilMode", "false");
        var function = FactoryCall.Functional + (IsMax ? "max" : "avg") + $"_pool{Rank}d";
        if (Rank == 1)
        {
            var stride1 = ValueOr(layer, "Stride", Required(layer, "KernelSize"));
            return IsMax
                ? $"{function}({x}, {Required(layer, "KernelSize")}, {stride1}, {ValueOr(layer, "Padding", "0")}, {ValueOr(layer, "Dilation", "1")}, ceil_mode: {ceil})"
                : $"{function}({x}, {Required(layer, "KernelSize")}, {stride1}, {ValueOr(layer, "Padding", "0")}, ceil_mode: {ceil}, count_include_pad: {ValueOr(layer, "CountIncludePad", "true")})";
        }

        var kernel = LongArray(layer.Get("KernelSize"), Rank);
        var stride = LongArray(layer.Get("Stride") is { IsAbsent: false } given ? given : layer.Get("KernelSize"), Rank);
        return IsMax
            ? $"{function}({x}, {kernel}, {stride}, {ArrayOr(layer, "Padding", 0)}, {ArrayOr(layer, "Dilation", 1)}, ceil_mode: {ceil})"
            : $"{function}({x}, {kernel}, {stride}, {ArrayOr(layer, "Padding", 0)}, ceil_mode: {ceil}, count_include_pad: {ValueOr(layer, "CountIncludePad", "true")})";
    }

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new PoolSpec(name, Kind, Sizes(layer, "KernelSize", env), Sizes(layer, "Stride", env),
            layer.Get("Padding").IsAbsent ? EquatableArray.Create(Dim.Of(0)) : Sizes(layer, "Padding", env),
            IsMax ? (layer.Get("Dilation").IsAbsent ? EquatableArray.Create(Dim.Of(1)) : Sizes(layer, "Dilation", env)) : EquatableArray<Dim>.Empty,
            FlagOr(layer, "CeilMode", false));

    public override TensorShape SeedInput(Dim channels) => TensorShape.Of(Enumerable.Repeat(Dim.Unknown, Rank + 1));

    private string ArrayOr(LayerSpec layer, string name, long fallback) =>
        LongArray(layer.Get(name) is { IsAbsent: false } value ? value : ArgValue.FromInt(fallback), Rank);

    private IReadOnlyList<LayerArgument> CreateArguments()
    {
        var arguments = new List<LayerArgument>
        {
            LayerArgument.Required("KernelSize", "kernel_size"),
            LayerArgument.Named("Stride", "stride", ArgRule.Size),
            LayerArgument.Named("Padding", "padding", ArgRule.Count),
        };
        if (IsMax)
        {
            arguments.Add(LayerArgument.Named("Dilation", "dilation", ArgRule.Size));
        }

        arguments.Add(LayerArgument.Named("CeilMode", "ceil_mode", ArgRule.Flag));
        if (!IsMax)
        {
            arguments.Add(LayerArgument.Named("CountIncludePad", "count_include_pad", ArgRule.Flag));
        }

        return arguments;
    }
}

internal sealed class MaxPool1dEntry : PoolEntry
{
    public override string Name => "MaxPool1d";
    protected override PoolKind Kind => PoolKind.MaxPool1d;
}

internal sealed class MaxPool2dEntry : PoolEntry
{
    public override string Name => "MaxPool2d";
    protected override PoolKind Kind => PoolKind.MaxPool2d;
}

internal sealed class MaxPool3dEntry : PoolEntry
{
    public override string Name => "MaxPool3d";
    protected override PoolKind Kind => PoolKind.MaxPool3d;
}

internal sealed class AvgPool1dEntry : PoolEntry
{
    public override string Name => "AvgPool1d";
    protected override PoolKind Kind => PoolKind.AvgPool1d;
}

internal sealed class AvgPool2dEntry : PoolEntry
{
    public override string Name => "AvgPool2d";
    protected override PoolKind Kind => PoolKind.AvgPool2d;
}

/// <summary><c>nn.AdaptiveAvgPool2d</c> / <c>nn.AdaptiveMaxPool2d</c>: any input size maps to <c>OutputSize</c> (an int or one per dimension).</summary>
internal abstract class AdaptivePool2dEntry : LayerEntry
{
    public override string PyTorch => "torch.nn." + Name;
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Required("OutputSize", "output_size") };

    /// <summary>The <c>torch.nn.functional</c> function.</summary>
    protected abstract string Function { get; }

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}{Function}({x}, {LongArray(layer.Get("OutputSize"))})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env)
    {
        var output = Sizes(layer, "OutputSize", env);
        return new AdaptivePoolSpec(name, output.Count > 0 ? output[0] : Dim.Unknown, output.Count > 1 ? output[1] : output.Count > 0 ? output[0] : Dim.Unknown);
    }

    public override TensorShape SeedInput(Dim channels) => TensorShape.Of(Dim.Unknown, Dim.Unknown, Dim.Unknown);
}

internal sealed class AdaptiveAvgPool2dEntry : AdaptivePool2dEntry
{
    public override string Name => "AdaptiveAvgPool2d";
    protected override string Function => "adaptive_avg_pool2d";

    public override string Construct(LayerSpec layer) => Call(Name, new[] { Pair(layer.Get("OutputSize")) });
}

internal sealed class AdaptiveMaxPool2dEntry : AdaptivePool2dEntry
{
    public override string Name => "AdaptiveMaxPool2d";
    protected override string Function => "adaptive_max_pool2d";

    // TorchSharp takes a long[] only.
    public override string Construct(LayerSpec layer) => Call(Name, new[] { LongArray(layer.Get("OutputSize")) });
}

/// <summary><c>nn.AdaptiveAvgPool1d</c>: any length maps to <c>OutputSize</c>.</summary>
internal sealed class AdaptiveAvgPool1dEntry : LayerEntry
{
    public override string Name => "AdaptiveAvgPool1d";
    public override string PyTorch => "torch.nn.AdaptiveAvgPool1d";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Required("OutputSize", "output_size") };

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}adaptive_avg_pool1d({x}, {Required(layer, "OutputSize")})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => new AdaptivePool1dSpec(name, Size(layer, "OutputSize", env));

    public override TensorShape SeedInput(Dim channels) => TensorShape.Of(Dim.Unknown, Dim.Unknown);
}
