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

    public bool IsAbsent => Kind == ArgKind.Absent;

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
        _ => ToCSharp(),
    };
}
