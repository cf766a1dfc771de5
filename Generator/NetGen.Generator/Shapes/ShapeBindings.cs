using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Shapes;

/// <summary>One symbol's value, e.g. <c>out_channels = 128</c>.</summary>
internal readonly record struct SymbolBinding(string Symbol, long Value);

/// <summary>
/// Values for symbols, e.g. a block's hyperparameters at one use site. Immutable and equatable; the
/// bindings are kept sorted by symbol so that equal sets compare equal.
/// </summary>
internal sealed record ShapeBindings
{
    private ShapeBindings(EquatableArray<SymbolBinding> bindings) => Bindings = bindings;

    public static ShapeBindings Empty { get; } = new(EquatableArray<SymbolBinding>.Empty);

    public EquatableArray<SymbolBinding> Bindings { get; }

    public static ShapeBindings Of(IEnumerable<SymbolBinding> bindings) =>
        bindings.Aggregate(Empty, (all, b) => all.With(b.Symbol, b.Value));

    /// <summary>A copy in which <paramref name="symbol"/> has <paramref name="value"/>.</summary>
    public ShapeBindings With(string symbol, long value)
    {
        var list = Bindings.Where(b => b.Symbol != symbol).ToList();
        list.Add(new SymbolBinding(symbol, value));
        list.Sort((a, b) => string.CompareOrdinal(a.Symbol, b.Symbol));
        return new ShapeBindings(list.ToEquatableArray());
    }

    public bool TryGetValue(string symbol, out long value)
    {
        foreach (SymbolBinding binding in Bindings)
        {
            if (binding.Symbol == symbol)
            {
                value = binding.Value;
                return true;
            }
        }

        value = 0;
        return false;
    }

    public override string ToString() => string.Join(", ", Bindings.Select(b => b.Symbol + " = " + b.Value));
}

/// <summary>Binding applied to arrays of hyperparameters.</summary>
internal static class DimArrayBinding
{
    public static EquatableArray<Dim> Bind(this EquatableArray<Dim> dims, ShapeBindings bindings) =>
        dims.Select(d => d.Bind(bindings)).ToEquatableArray();
}
