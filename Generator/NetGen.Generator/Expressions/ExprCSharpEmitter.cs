using System;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Expressions;

/// <summary>
/// Writes an expression as C# with the evaluator's semantics: everything in <c>checked(…)</c>, every
/// operation parenthesised (so C#'s precedence never matters), <c>min</c>/<c>max</c> as
/// <c>System.Math.Min</c>/<c>Max</c> (whose overloads follow the same promotion), and <c>make_divisible</c>
/// as NetGen.Runtime's implementation of torchvision's function.
/// </summary>
internal static class ExprCSharpEmitter
{
    /// <summary>The C# for <paramref name="expr"/>; <paramref name="nameOf"/> gives the C# that reads a hyperparameter.</summary>
    public static string Emit(Expr expr, Func<string, string> nameOf) => "checked(" + Write(expr, nameOf) + ")";

    private static string Write(Expr expr, Func<string, string> nameOf) => expr switch
    {
        IntLiteral literal => literal.Value.ToString(CultureInfo.InvariantCulture) + (literal.Type == ExprType.Long ? "L" : ""),
        RealLiteral real => ArgValue.DoubleLiteral(real.Value),
        BoolLiteral boolean => boolean.Value ? "true" : "false",
        NameExpr name => nameOf(name.Name),
        UnaryExpr unary => "(" + unary.Operator + Write(unary.Operand, nameOf) + ")",
        BinaryExpr binary => "(" + Operand(binary.Left, binary, nameOf) + " " + binary.Operator + " " + Operand(binary.Right, binary, nameOf) + ")",
        ConditionalExpr conditional => "(" + Write(conditional.Condition, nameOf) + " ? " + Write(conditional.WhenTrue, nameOf) + " : " + Write(conditional.WhenFalse, nameOf) + ")",
        CallExpr call => Call(call, nameOf),
        _ => "default",
    };

    /// <summary>
    /// An operand; compared with a literal that only a <c>long</c> holds, it is read as a <c>long</c>, which is what
    /// C# compares anyway, without its warning that an int can never equal that constant (CS0652).
    /// </summary>
    private static string Operand(Expr operand, BinaryExpr binary, Func<string, string> nameOf)
    {
        var other = ReferenceEquals(operand, binary.Left) ? binary.Right : binary.Left;
        var written = Write(operand, nameOf);
        return binary.Operator is "==" or "!=" or "<" or "<=" or ">" or ">=" && other is IntLiteral { Type: ExprType.Long } && operand is not IntLiteral and not RealLiteral
            ? "((long)" + written + ")"
            : written;
    }

    private static string Call(CallExpr call, Func<string, string> nameOf)
    {
        var arguments = call.Arguments.Select(a => Write(a.Value, nameOf)).ToList();
        if (call.Function == ExprFunctions.MakeDivisible)
        {
            var minimum = arguments.Count > 2 ? arguments[2] : arguments[1];
            return $"global::NetGen.ExpressionFunctions.MakeDivisible((double){arguments[0]}, (long){arguments[1]}, (long){minimum})";
        }

        var method = call.Function == ExprFunctions.Min ? "Min" : "Max";
        return $"global::System.Math.{method}({arguments[0]}, {arguments[1]})";
    }
}
