using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.FactoryCall;

namespace NetGen.Generator.Catalogue.Layers;

/// <summary>
/// Constant padding of the last <see cref="PaddedDims"/> dimensions: one int for every side, or PyTorch's
/// (left, right[, top, bottom]) tuple. The functional form is <c>F.pad</c> with the same tuple and value.
/// </summary>
internal abstract class PadEntry : LayerEntry
{
    public override string PyTorch => "torch.nn." + Name;

    protected abstract int PaddedDims { get; }

    /// <summary>The fill value's argument, or null for zero padding.</summary>
    protected virtual string? ValueArgument => "Value";

    public override IReadOnlyList<LayerArgument> Arguments => _arguments ??= ValueArgument is null
        ? new[] { LayerArgument.Required("Padding", "padding", ArgRule.Value) }
        : new[] { LayerArgument.Required("Padding", "padding", ArgRule.Value), LayerArgument.Required(ValueArgument, "value", ArgRule.Value) };

    private IReadOnlyList<LayerArgument>? _arguments;

    public override string Construct(LayerSpec layer)
    {
        var padding = layer.Get("Padding");
        var args = new List<string> { padding.Kind == ArgKind.IntList ? Tuple(padding) : padding.ToCSharpLong() };
        if (ValueArgument is not null)
        {
            args.Add(Required(layer, ValueArgument));
        }

        return Call(Name, args);
    }

    public override string? Functional(LayerSpec layer, string x, bool mayWorkInPlace)
    {
        var value = ValueArgument is null ? "" : ", value: " + Required(layer, ValueArgument);
        return $"{FactoryCall.Functional}pad({x}, {Tuple(layer.Get("Padding"))}{value})";
    }

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new PadSpec(name, layer.Get("Padding") is { Kind: ArgKind.IntList } list ? list.Ints.Select(Dim.Of).ToEquatableArray() : env.Sizes(layer.Get("Padding")), PaddedDims);

    /// <summary>PyTorch's padding tuple, with a single value repeated for every side.</summary>
    private string Tuple(ArgValue padding)
    {
        var items = padding.Kind == ArgKind.IntList
            ? padding.Ints.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L")
            : Enumerable.Repeat(padding.ToCSharpLong(), 2 * PaddedDims);
        return "(" + string.Join(", ", items) + ")";
    }
}

internal sealed class ZeroPad2dEntry : PadEntry
{
    public override string Name => "ZeroPad2d";
    protected override int PaddedDims => 2;
    protected override string? ValueArgument => null;
}

internal sealed class ConstantPad1dEntry : PadEntry
{
    public override string Name => "ConstantPad1d";
    protected override int PaddedDims => 1;
}

internal sealed class ConstantPad2dEntry : PadEntry
{
    public override string Name => "ConstantPad2d";
    protected override int PaddedDims => 2;
}
