using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>
/// A product of dimensions kept as a coefficient times symbols (<c>16·N·width</c>), so that the element counts
/// of a view can be compared when some sizes are symbols: <c>N×16×6×6</c> and <c>N×2×8×6×6</c> are equal for
/// every batch size N. Symbols stand for sizes of at least 1. A product with an unknown factor is
/// <see cref="IsDeterminate"/> false and compares as undetermined.
/// </summary>
internal readonly struct DimProduct
{
    private DimProduct(long coefficient, string[] symbols, bool determinate)
    {
        Coefficient = coefficient;
        Symbols = symbols;
        IsDeterminate = determinate;
    }

    public static DimProduct One => new(1, Array.Empty<string>(), true);

    public long Coefficient { get; }

    /// <summary>The symbols, sorted, each as often as it is a factor.</summary>
    public string[] Symbols { get; }

    public bool IsDeterminate { get; }

    public static DimProduct Of(IEnumerable<Dim> dims) => dims.Aggregate(One, (product, dim) => product.Times(dim));

    public DimProduct Times(Dim dim)
    {
        if (!IsDeterminate || dim.IsUnknown)
        {
            return new DimProduct(0, Array.Empty<string>(), false);
        }

        if (dim.IsSymbol)
        {
            return new DimProduct(Coefficient, Symbols.Append(dim.Symbol!).OrderBy(s => s, StringComparer.Ordinal).ToArray(), true);
        }

        try
        {
            return new DimProduct(checked(Coefficient * dim.Value), Symbols, true);
        }
        catch (OverflowException)
        {
            return new DimProduct(0, Array.Empty<string>(), false);
        }
    }

    /// <summary>Equal for every value of the symbols, different for every value, or undetermined.</summary>
    public DimMatch Match(DimProduct other)
    {
        if (!IsDeterminate || !other.IsDeterminate || !Symbols.SequenceEqual(other.Symbols))
        {
            return DimMatch.Undetermined;
        }

        return Coefficient == other.Coefficient ? DimMatch.Equal : DimMatch.Different;
    }

    /// <summary>
    /// This product divided by <paramref name="divisor"/> as one dimension: known, a single symbol, or unknown; and
    /// whether the division surely leaves a remainder (the symbols cancel and the coefficients do not divide).
    /// </summary>
    public Dim DivideBy(DimProduct divisor, out bool surelyIndivisible)
    {
        surelyIndivisible = false;
        if (!IsDeterminate || !divisor.IsDeterminate || divisor.Coefficient == 0)
        {
            return Dim.Unknown;
        }

        var remaining = Symbols.ToList();
        foreach (var symbol in divisor.Symbols)
        {
            if (!remaining.Remove(symbol))
            {
                return Dim.Unknown;
            }
        }

        if (Coefficient % divisor.Coefficient != 0)
        {
            surelyIndivisible = remaining.Count == 0;
            return Dim.Unknown;
        }

        var quotient = Coefficient / divisor.Coefficient;
        return remaining.Count switch
        {
            0 => Dim.Of(quotient),
            1 when quotient == 1 => Dim.Named(remaining[0]),
            _ => Dim.Unknown,
        };
    }

    /// <summary>The product as one dimension where it is one: known, or a single symbol times 1.</summary>
    public Dim AsDim() => !IsDeterminate ? Dim.Unknown
        : Symbols.Length == 0 ? Dim.Of(Coefficient)
        : Symbols.Length == 1 && Coefficient == 1 ? Dim.Named(Symbols[0])
        : Dim.Unknown;

    public override string ToString() => !IsDeterminate ? "?"
        : Symbols.Length == 0 ? Coefficient.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : (Coefficient == 1 ? "" : Coefficient.ToString(System.Globalization.CultureInfo.InvariantCulture) + "·") + string.Join("·", Symbols);
}
