namespace NetGen.Generator.Expressions;

/// <summary>The static type of an expression, following C#: <c>int</c> and <c>long</c> arithmetic is checked, <c>double</c> is not.</summary>
internal enum ExprType : byte
{
    Int,
    Long,
    Double,
    Bool,

    /// <summary>An enum parameter or member: it can only be compared (<c>==</c>, <c>!=</c>) with the same enum.</summary>
    Enum,
}

internal static class ExprTypes
{
    public static bool IsNumeric(this ExprType type) => type is ExprType.Int or ExprType.Long or ExprType.Double;

    public static bool IsInteger(this ExprType type) => type is ExprType.Int or ExprType.Long;

    /// <summary>C#'s binary numeric promotion: the wider of the two.</summary>
    public static ExprType Promote(ExprType left, ExprType right) =>
        left == ExprType.Double || right == ExprType.Double ? ExprType.Double
        : left == ExprType.Long || right == ExprType.Long ? ExprType.Long
        : ExprType.Int;

    /// <summary>The expression type of a hyperparameter's C# type (as <c>ParameterSpec.TypeName</c> spells it), or null when expressions cannot use it.</summary>
    public static ExprType? OfTypeName(string typeName) => typeName switch
    {
        "int" => ExprType.Int,
        "long" => ExprType.Long,
        "double" => ExprType.Double,
        "bool" => ExprType.Bool,
        _ => null,
    };

    public static string Keyword(this ExprType type) => type switch
    {
        ExprType.Int => "int",
        ExprType.Long => "long",
        ExprType.Double => "double",
        ExprType.Enum => "enum",
        _ => "bool",
    };
}
