using System;
using NetGen.Generator.Model;

namespace NetGen.Generator.Expressions;

/// <summary>
/// An expression kept as its source text in the pipeline's models (which must stay plain comparable values),
/// parsed again where it is used: parsing is deterministic and cheap, and the text has been checked once.
/// </summary>
internal static class ExpressionText
{
    /// <summary>The parsed expression, or null when the text is not one (already reported where it was read).</summary>
    public static Expr? Parse(string text) => ExprParser.Parse(text, out _);

    /// <summary>The C# that computes the expression at run time; a bare name stays a bare identifier.</summary>
    public static string ToCSharp(string text, Func<string, string> nameOf) => Parse(text) switch
    {
        NameExpr name => nameOf(name.Name),
        { } expr => ExprCSharpEmitter.Emit(expr, nameOf),
        null => "default",
    };

    /// <summary>The values of <paramref name="parameters"/> at their declared defaults; parameters without one are unknown.</summary>
    public static Func<string, ExprValue> Defaults(EquatableArray<ParameterSpec> parameters) => name =>
    {
        if (name.IndexOf('.') >= 0)
        {
            return EnumMembers.Resolve(name, parameters) is { } member ? ExprValue.Of(member.Value, ExprType.Enum) : default;
        }

        foreach (var parameter in parameters)
        {
            if (parameter.Name == name)
            {
                return DefaultOf(parameter);
            }
        }

        return default;
    };

    public static ExprValue DefaultOf(ParameterSpec parameter)
    {
        var type = ExprTypes.OfTypeName(parameter.TypeName) ?? (parameter.EnumMembers.IsEmpty ? ExprType.Int : ExprType.Enum);
        var text = parameter.DefaultValue;
        if (text is null)
        {
            return ExprValue.Unknown(type);
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return type switch
        {
            ExprType.Bool when text is "true" or "false" => ExprValue.Of(text == "true"),
            ExprType.Int or ExprType.Long or ExprType.Enum when long.TryParse(text.TrimEnd('L', 'l'), System.Globalization.NumberStyles.AllowLeadingSign, invariant, out var integer) => ExprValue.Of(integer, type),
            ExprType.Double when double.TryParse(text.TrimEnd('D', 'd'), System.Globalization.NumberStyles.Float, invariant, out var real) => ExprValue.Of(real),
            _ => ExprValue.Unknown(type),
        };
    }
}
