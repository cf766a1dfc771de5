using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.FactoryCall;
using static NetGen.Generator.Catalogue.LayerValues;

namespace NetGen.Generator.Catalogue.Layers;

/// <summary>MaxPool2d and AvgPool2d: stride defaults to the kernel size; as functional ops they are <c>F.max_pool2d</c> / <c>F.avg_pool2d</c>.</summary>
internal abstract class PoolEntry : LayerEntry
{
    private static readonly string[] PerDimension = { "KernelSize", "Stride", "Padding", "Dilation" };

    protected abstract PoolKind Kind { get; }

    private bool IsMax => Kind == PoolKind.MaxPool2d;

    public override IReadOnlyList<LayerArgument> Arguments => _arguments ??= CreateArguments();

    private IReadOnlyList<LayerArgument>? _arguments;

    public override string Construct(LayerSpec layer)
    {
        var usesArrays = PerDimension.Any(n => layer.Get(n).Kind == ArgKind.IntList);
        var args = new List<string> { usesArrays ? LongArray(layer.Get("KernelSize")) : Required(layer, "KernelSize") };
        foreach (var (name, parameter) in new[] { ("Stride", "stride"), ("Padding", "padding"), ("Dilation", "dilation") })
        {
            var value = layer.Get(name);
            if (!value.IsAbsent && (IsMax || name != "Dilation"))
            {
                args.Add(parameter + ": " + (usesArrays ? LongArray(value) : value.ToCSharp()));
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
        var kernel = LongArray(layer.Get("KernelSize"));
        var stride = LongArray(layer.Get("Stride") is { IsAbsent: false } given ? given : layer.Get("KernelSize"));
        var ceil = ValueOr(layer, "CeilMode", "false");
        return IsMax
            ? $"{FactoryCall.Functional}max_pool2d({x}, {kernel}, {stride}, {ArrayOr(layer, "Padding", 0)}, {ArrayOr(layer, "Dilation", 1)}, ceil_mode: {ceil})"
            : $"{FactoryCall.Functional}avg_pool2d({x}, {kernel}, {stride}, {ArrayOr(layer, "Padding", 0)}, ceil_mode: {ceil}, count_include_pad: {ValueOr(layer, "CountIncludePad", "true")})";
    }

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new PoolSpec(name, Kind, Sizes(layer, "KernelSize", env), Sizes(layer, "Stride", env),
            layer.Get("Padding").IsAbsent ? EquatableArray.Create(Dim.Of(0)) : Sizes(layer, "Padding", env),
            IsMax ? (layer.Get("Dilation").IsAbsent ? EquatableArray.Create(Dim.Of(1)) : Sizes(layer, "Dilation", env)) : EquatableArray<Dim>.Empty,
            FlagOr(layer, "CeilMode", false));

    public override TensorShape SeedInput(Dim channels) => TensorShape.Of(Dim.Unknown, Dim.Unknown, Dim.Unknown);

    private static string ArrayOr(LayerSpec layer, string name, long fallback) =>
        LongArray(layer.Get(name) is { IsAbsent: false } value ? value : ArgValue.FromInt(fallback));

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

internal sealed class MaxPool2dEntry : PoolEntry
{
    public override string Name => "MaxPool2d";
    public override string PyTorch => "torch.nn.MaxPool2d";
    protected override PoolKind Kind => PoolKind.MaxPool2d;
}

internal sealed class AvgPool2dEntry : PoolEntry
{
    public override string Name => "AvgPool2d";
    public override string PyTorch => "torch.nn.AvgPool2d";
    protected override PoolKind Kind => PoolKind.AvgPool2d;
}

/// <summary><c>nn.AdaptiveAvgPool2d</c>: any input size maps to <c>OutputSize</c>.</summary>
internal sealed class AdaptiveAvgPool2dEntry : LayerEntry
{
    public override string Name => "AdaptiveAvgPool2d";
    public override string PyTorch => "torch.nn.AdaptiveAvgPool2d";
    public override IReadOnlyList<LayerArgument> Arguments { get; } = new[] { LayerArgument.Required("OutputSize", "output_size") };

    public override string Construct(LayerSpec layer) => Call(Name, new[] { Pair(layer.Get("OutputSize")) });

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) =>
        $"{FactoryCall.Functional}adaptive_avg_pool2d({x}, {LongArray(layer.Get("OutputSize"))})";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env)
    {
        var output = Sizes(layer, "OutputSize", env);
        return new AdaptivePoolSpec(name, output.Count > 0 ? output[0] : Dim.Unknown, output.Count > 1 ? output[1] : output.Count > 0 ? output[0] : Dim.Unknown);
    }

    public override TensorShape SeedInput(Dim channels) => TensorShape.Of(Dim.Unknown, Dim.Unknown, Dim.Unknown);
}
