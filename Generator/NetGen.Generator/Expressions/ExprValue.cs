using System.Globalization;

namespace NetGen.Generator.Expressions;

internal enum ExprValueKind : byte
{
    /// <summary>Not known at compile time. <c>default(ExprValue)</c>, so a forgotten value never causes an error.</summary>
    Unknown,
    Integer,
    Real,
    Bool,

    /// <summary>An integer known only as a formula over symbols, e.g. <c>planes * 4</c>: equal texts are equal values.</summary>
    Symbol,

    /// <summary>Evaluation certainly fails (division by zero, overflow).</summary>
    Error,
}

/// <summary>What evaluating an expression at compile time gives: a value, a symbolic formula, unknown, or a certain error.</summary>
internal readonly record struct ExprValue(ExprValueKind Kind, ExprType Type, long Integer, double Real, string? Text, ExprError? Error)
{
    public static ExprValue Unknown(ExprType type) => new(ExprValueKind.Unknown, type, 0, 0, null, null);

    public static ExprValue Of(long value, ExprType type) => new(ExprValueKind.Integer, type, value, 0, null, null);

    public static ExprValue Of(double value) => new(ExprValueKind.Real, ExprType.Double, 0, value, null, null);

    public static ExprValue Of(bool value) => new(ExprValueKind.Bool, ExprType.Bool, value ? 1 : 0, 0, null, null);

    public static ExprValue Symbolic(string text, ExprType type) => new(ExprValueKind.Symbol, type, 0, 0, text, null);

    public static ExprValue Failed(ExprErrorKind kind, string message) => new(ExprValueKind.Error, ExprType.Int, 0, 0, null, new ExprError(kind, message));

    public bool IsKnown => Kind is ExprValueKind.Integer or ExprValueKind.Real or ExprValueKind.Bool;

    public bool IsError => Kind == ExprValueKind.Error;

    public bool? AsBool => Kind == ExprValueKind.Bool ? Integer != 0 : null;

    /// <summary>The value as a double, for mixed arithmetic; only meaningful when known and numeric.</summary>
    public double AsDouble => Kind == ExprValueKind.Real ? Real : Integer;

    public override string ToString() => Kind switch
    {
        ExprValueKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        ExprValueKind.Real => Real.ToString("R", CultureInfo.InvariantCulture),
        ExprValueKind.Bool => Integer != 0 ? "true" : "false",
        ExprValueKind.Symbol => Text!,
        ExprValueKind.Error => "error: " + Error!.Message,
        _ => "?",
    };
}
