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
        // A dotted name is an enum member, already written in full when the expression was read.
        NameExpr name => name.Name.IndexOf('.') >= 0 ? "global::" + name.Name : nameOf(name.Name),
        UnaryExpr unary => "(" + unary.Operator + Write(unary.Operand, nameOf) + ")",
        BinaryExpr binary => "(" + Operand(binary.Left, binary, nameOf) + " " + binary.Operator + " " + Operand(binary.Right, binary, nameOf) + ")",
        ConditionalExpr conditional => "(" + Write(conditional.Condition, nameOf) + " ? " + Write(conditional.WhenTrue, nameOf) + " : " + Write(conditional.WhenFalse, nameOf) + ")",
        CallExpr call => Call(call, nameOf),
        _ => "default",
    };

    /// <summary>
    /// An operand. A constant of type <c>long</c> (a literal only a long holds), compared with a parameter's value, is written so that C# does
    /// not treat it as a constant: compared with an <c>int</c>, a constant out of its range is warning CS0652, an
    /// error under warnings-as-errors. Unboxing gives the same value, and the comparison is the same (still long).
    /// </summary>
    private static string Operand(Expr operand, BinaryExpr binary, Func<string, string> nameOf)
    {
        var other = ReferenceEquals(operand, binary.Left) ? binary.Right : binary.Left;
        var written = Write(operand, nameOf);
        var isLongConstant = !ExprEvaluator.ReadsNames(operand) && ExprEvaluator.TypeOf(operand, _ => default) == ExprType.Long;
        return binary.Operator is "==" or "!=" or "<" or "<=" or ">" or ">=" && isLongConstant && !IsCSharpConstant(other)
            ? "((long)(object)" + written + ")"
            : written;
    }

    /// <summary>Whether C# folds the written expression to a constant: it reads no parameter and calls no function (a call is never a constant).</summary>
    private static bool IsCSharpConstant(Expr expr) => !ExprEvaluator.ReadsNames(expr) && !CallsAFunction(expr);

    private static bool CallsAFunction(Expr expr) => expr switch
    {
        CallExpr => true,
        UnaryExpr unary => CallsAFunction(unary.Operand),
        BinaryExpr binary => CallsAFunction(binary.Left) || CallsAFunction(binary.Right),
        ConditionalExpr conditional => CallsAFunction(conditional.Condition) || CallsAFunction(conditional.WhenTrue) || CallsAFunction(conditional.WhenFalse),
        _ => false,
    };

    private static string Call(CallExpr call, Func<string, string> nameOf)
    {
        var arguments = call.Arguments.Select(a => Write(a.Value, nameOf)).ToList();
        if (call.Function == ExprFunctions.MakeDivisible)
        {
            var minimum = arguments.Count > 2 ? arguments[2] : arguments[1];
            return $"global::NetGen.ExpressionFunctions.MakeDivisible((double){arguments[0]}, (long){arguments[1]}, (long){minimum})";
        }

        if (ExprFunctions.IsRounding(call.Function))
        {
            var method = call.Function switch { ExprFunctions.Ceil => "Ceil", ExprFunctions.Floor => "Floor", _ => "Round" };
            return $"global::NetGen.ExpressionFunctions.{method}((double){arguments[0]})";
        }

        if (call.Function == ExprFunctions.Pow)
        {
            return $"global::System.Math.Pow((double){arguments[0]}, (double){arguments[1]})";
        }

        var extremum = call.Function == ExprFunctions.Min ? "Min" : "Max";
        return $"global::System.Math.{extremum}({arguments[0]}, {arguments[1]})";
    }
}
