using System;
using System.Globalization;

namespace NetGen.Generator.Shapes;

/// <summary>What is known about one dimension or one size-valued hyperparameter.</summary>
internal enum DimKind : byte
{
    /// <summary>Nothing is known. This is <c>default(Dim)</c>, so a forgotten value never causes an error.</summary>
    Unknown = 0,

    /// <summary>A concrete size.</summary>
    Known = 1,

    /// <summary>A named value not bound yet, e.g. a block's <c>out_channels</c> constructor parameter.</summary>
    Symbol = 2,
}

/// <summary>The answer to "are these two dimensions equal?" when either may be unknown.</summary>
internal enum DimMatch : byte
{
    /// <summary>Equal for sure: the same concrete size or the same symbol.</summary>
    Equal,

    /// <summary>Different for sure: two different concrete sizes.</summary>
    Different,

    /// <summary>Cannot be told yet. Never an error; at most a "shape unchecked" note.</summary>
    Undetermined,
}

/// <summary>
/// One dimension of a shape, or one size-valued layer hyperparameter (kernel, stride, channels …):
/// a concrete <see cref="long"/>, a named symbol, or unknown. Arithmetic on anything but two concrete
/// values gives <see cref="Unknown"/>; comparisons involving unknowns are <see cref="DimMatch.Undetermined"/>.
/// </summary>
internal readonly struct Dim : IEquatable<Dim>
{
    private Dim(DimKind kind, long value, string? symbol)
    {
        Kind = kind;
        Value = value;
        Symbol = symbol;
    }

    /// <summary>A dimension about which nothing is known.</summary>
    public static Dim Unknown => default;

    public DimKind Kind { get; }

    /// <summary>The concrete size; 0 unless <see cref="IsKnown"/>.</summary>
    public long Value { get; }

    /// <summary>The symbol's name; null unless <see cref="IsSymbol"/>.</summary>
    public string? Symbol { get; }

    public bool IsKnown => Kind == DimKind.Known;

    /// <summary>A known 1: the size that broadcasts.</summary>
    public bool IsOne => IsKnown && Value == 1;

    public bool IsSymbol => Kind == DimKind.Symbol;

    public bool IsUnknown => Kind == DimKind.Unknown;

    public static Dim Of(long value) => new(DimKind.Known, value, null);

    public static Dim Named(string symbol) => new(DimKind.Symbol, 0, symbol ?? throw new ArgumentNullException(nameof(symbol)));

    public static implicit operator Dim(long value) => Of(value);

    public bool TryGetValue(out long value)
    {
        value = Value;
        return IsKnown;
    }

    /// <summary>Replaces a bound symbol by its value; anything else is returned unchanged.</summary>
    public Dim Bind(ShapeBindings bindings) =>
        IsSymbol && bindings.TryGetValue(Symbol!, out long value) ? Of(value) : this;

    /// <summary>Whether the two are equal, different, or cannot be told yet.</summary>
    public DimMatch Match(Dim other)
    {
        if (IsKnown && other.IsKnown)
        {
            return Value == other.Value ? DimMatch.Equal : DimMatch.Different;
        }

        return IsSymbol && other.IsSymbol && Symbol == other.Symbol ? DimMatch.Equal : DimMatch.Undetermined;
    }

    /// <summary>Of two dimensions that must be equal, the one that says more: known, then symbol, then unknown.</summary>
    public Dim MoreSpecific(Dim other) => Kind switch
    {
        DimKind.Known => this,
        DimKind.Symbol => other.IsKnown ? other : this,
        _ => other,
    };

    /// <summary>A product; a factor of 1 keeps a symbol, so flattening <c>C×1×1</c> still yields <c>C</c>.</summary>
    public static Dim operator *(Dim left, Dim right) =>
        left.IsKnown && right.IsKnown ? Of(left.Value * right.Value)
        : left.IsKnown && left.Value == 1 ? right
        : right.IsKnown && right.Value == 1 ? left
        : Unknown;

    public static Dim operator +(Dim left, Dim right) =>
        left.IsKnown && right.IsKnown ? Of(left.Value + right.Value) : Unknown;

    public bool Equals(Dim other) => Kind == other.Kind && Value == other.Value && Symbol == other.Symbol;

    public override bool Equals(object? obj) => obj is Dim other && Equals(other);

    public override int GetHashCode() => unchecked(((int)Kind * 397) ^ Value.GetHashCode() ^ (Symbol?.GetHashCode() ?? 0));

    public static bool operator ==(Dim left, Dim right) => left.Equals(right);

    public static bool operator !=(Dim left, Dim right) => !left.Equals(right);

    /// <summary><c>224</c>, the symbol's name, or <c>?</c>.</summary>
    public override string ToString() => Kind switch
    {
        DimKind.Known => Value.ToString(CultureInfo.InvariantCulture),
        DimKind.Symbol => Symbol!,
        _ => "?",
    };
}
