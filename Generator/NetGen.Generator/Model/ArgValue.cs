using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Generator.Model;

internal enum ArgKind
{
    /// <summary>The argument was not given; the layer's default applies.</summary>
    Absent,
    Int,
    Double,
    Bool,
    /// <summary>A string that is not a parameter name, such as <c>"same"</c>.</summary>
    Text,
    /// <summary>The name of one of the model's constructor parameters.</summary>
    Parameter,
    IntList,
    /// <summary>
    /// A per-dimension list whose items are not all constants, e.g. <c>new[] { "kh", "kw" }</c> or <c>new object[] { 1, "k" }</c>:
    /// <see cref="ArgValue.Text"/> holds the items' sources joined by <c>"; "</c> (ints, int parameters, int expressions).
    /// </summary>
    SizeList,
    /// <summary>
    /// An expression over the constructor parameters, e.g. <c>"planes * 4"</c>: <see cref="ArgValue.Text"/> is its
    /// source and <see cref="ArgValue.Int"/> its <see cref="Expressions.ExprType"/>, so both survive a descriptor.
    /// </summary>
    Expression,
}

/// <summary>One attribute argument as a plain value: a constant, a list, or a constructor-parameter reference.</summary>
internal readonly record struct ArgValue(ArgKind Kind, long Int, double Double, string? Text, EquatableArray<long> Ints)
{
    public static readonly ArgValue Absent = default;

    public static ArgValue FromInt(long value) => new(ArgKind.Int, value, 0, null, EquatableArray<long>.Empty);

    public static ArgValue FromDouble(double value) => new(ArgKind.Double, 0, value, null, EquatableArray<long>.Empty);

    public static ArgValue FromBool(bool value) => new(ArgKind.Bool, value ? 1 : 0, 0, null, EquatableArray<long>.Empty);

    public static ArgValue FromText(string value) => new(ArgKind.Text, 0, 0, value, EquatableArray<long>.Empty);

    public static ArgValue FromParameter(string name) => new(ArgKind.Parameter, 0, 0, name, EquatableArray<long>.Empty);

    public static ArgValue FromExpression(string source, Expressions.ExprType type) => new(ArgKind.Expression, (long)type, 0, source, EquatableArray<long>.Empty);

    public static ArgValue FromInts(EquatableArray<long> values) => new(ArgKind.IntList, 0, 0, null, values);

    /// <summary>A per-dimension list of items that are not all constants; each item is an int, an int parameter or an int expression.</summary>
    public static ArgValue FromSizes(IEnumerable<ArgValue> items) =>
        new(ArgKind.SizeList, 0, 0, string.Join(ItemSeparator, items.Select(i => i.Kind == ArgKind.Int ? i.Int.ToString(CultureInfo.InvariantCulture) : i.Text)), EquatableArray<long>.Empty);

    // Not a character an expression can hold (a call's arguments are separated by ',').
    private const string ItemSeparator = "; ";

    public bool IsAbsent => Kind == ArgKind.Absent;

    /// <summary>Whether this is a per-dimension list: constants only, or sizes that name parameters.</summary>
    public bool IsList => Kind is ArgKind.IntList or ArgKind.SizeList;

    /// <summary>
    /// The items of a list, one value each; a single value for anything else. A method, not a property: each item has
    /// items of its own, which a walk over the model's properties would follow forever.
    /// </summary>
    public IReadOnlyList<ArgValue> ListItems() => Kind switch
    {
        ArgKind.IntList => Ints.Select(FromInt).ToList(),
        ArgKind.SizeList => Text!.Split(new[] { ItemSeparator }, System.StringSplitOptions.None).Select(ItemFromSource).ToList(),
        _ => new[] { this },
    };

    private static ArgValue ItemFromSource(string source) =>
        long.TryParse(source, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? FromInt(value)
        : source.Length > 0 && (char.IsLetter(source[0]) || source[0] == '_') && source.All(c => char.IsLetterOrDigit(c) || c == '_') ? FromParameter(source)
        : FromExpression(source, Expressions.ExprType.Int);

    public bool AsBool => Int != 0;

    /// <summary>For <see cref="ArgKind.Expression"/>: its static type.</summary>
    public Expressions.ExprType ExpressionType => Kind == ArgKind.Expression && Int is >= 0 and <= (long)Expressions.ExprType.Enum ? (Expressions.ExprType)Int : Expressions.ExprType.Int;

    /// <summary>The value as C# source: a literal or the parameter's identifier.</summary>
    public string ToCSharp() => Kind switch
    {
        ArgKind.Int => Int.ToString(CultureInfo.InvariantCulture),
        ArgKind.Double => DoubleLiteral(Double),
        ArgKind.Bool => AsBool ? "true" : "false",
        ArgKind.Text => "\"" + Text + "\"",
        ArgKind.Parameter => "@" + Text,
        ArgKind.IntList => "new long[] { " + string.Join(", ", Ints.Select(i => i.ToString(CultureInfo.InvariantCulture))) + " }",
        ArgKind.Expression => Expressions.ExpressionText.ToCSharp(Text!, name => "@" + name),
        ArgKind.SizeList => "new long[] { " + string.Join(", ", ListItems().Select(i => i.Kind == ArgKind.Int ? i.ToCSharp() : i.ToCSharpLong())) + " }",
        _ => "default",
    };

    /// <summary>
    /// The value as a C# <c>long</c>, for TorchSharp's <c>long</c> size parameters: an expression is cast whole, since
    /// <c>(long)</c> before <c>@p + 1</c> would bind to <c>@p</c> alone.
    /// </summary>
    public string ToCSharpLong() => Kind == ArgKind.Expression ? "(long)(" + ToCSharp() + ")" : "(long)" + ToCSharp();

    /// <summary>A C# literal for any double: <c>0.5d</c>, or <c>double.NaN</c> and the infinities, which have no literal.</summary>
    public static string DoubleLiteral(double value) =>
        double.IsNaN(value) ? "double.NaN"
        : double.IsPositiveInfinity(value) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(value) ? "double.NegativeInfinity"
        : value.ToString("R", CultureInfo.InvariantCulture) + "d";

    public override string ToString() => Kind switch
    {
        ArgKind.Parameter or ArgKind.Expression => Text!,
        ArgKind.Text => "\"" + Text + "\"",
        ArgKind.IntList => "[" + string.Join(", ", Ints) + "]",
        ArgKind.SizeList => "[" + string.Join(", ", ListItems()) + "]",
        _ => ToCSharp(),
    };
}
