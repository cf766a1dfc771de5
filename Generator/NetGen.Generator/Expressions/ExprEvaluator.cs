using System;
using System.Globalization;
using System.Linq;
using System.Numerics;

namespace NetGen.Generator.Expressions;

/// <summary>
/// Evaluates a type-checked expression at compile time with the semantics of the C# that
/// <see cref="ExprCSharpEmitter"/> writes: checked <c>int</c>/<c>long</c> arithmetic (overflow is an error,
/// as the run-time <see cref="OverflowException"/> would be), division truncating toward zero, short-circuit
/// <c>&amp;&amp;</c>, <c>||</c> and <c>?:</c>. Unknown inputs give unknown results, never an error; integer
/// formulas over symbols give a symbol whose text is the formula, so equal formulas compare equal.
/// An error is reported only when it happens whatever the unknown inputs are.
/// </summary>
internal static class ExprEvaluator
{
    public static ExprValue Evaluate(Expr expr, Func<string, ExprValue> valueOf)
    {
        switch (expr)
        {
            case IntLiteral literal:
                return ExprValue.Of(literal.Value, literal.Type);
            case RealLiteral real:
                return ExprValue.Of(real.Value);
            case BoolLiteral boolean:
                return ExprValue.Of(boolean.Value);
            case NameExpr name:
                return valueOf(name.Name);
            case UnaryExpr unary:
                return Unary(unary.Operator, Evaluate(unary.Operand, valueOf));
            case BinaryExpr { Operator: "&&" or "||" } logical:
                return Logical(logical, valueOf);
            case BinaryExpr binary:
                var left = Evaluate(binary.Left, valueOf);
                if (left.IsError)
                {
                    return left;
                }

                var right = Evaluate(binary.Right, valueOf);
                return right.IsError ? right : Binary(binary.Operator, left, right);
            case ConditionalExpr conditional:
                return Conditional(conditional, valueOf);
            case CallExpr call:
                var arguments = call.Arguments.Select(a => Evaluate(a.Value, valueOf)).ToArray();
                var failed = arguments.FirstOrDefault(a => a.IsError);
                return failed.IsError ? failed : Call(call.Function, arguments);
            default:
                return default;
        }
    }

    /// <summary>The error of the first sub-expression made of constants only that fails (C# would not compile it), else null.</summary>
    public static ExprError? FirstConstantError(Expr expr)
    {
        if (!ReadsNames(expr))
        {
            var value = Evaluate(expr, _ => default);
            return value.IsError ? value.Error : null;
        }

        return expr switch
        {
            UnaryExpr unary => FirstConstantError(unary.Operand),
            BinaryExpr binary => FirstConstantError(binary.Left) ?? FirstConstantError(binary.Right),
            ConditionalExpr conditional => FirstConstantError(conditional.Condition) ?? FirstConstantError(conditional.WhenTrue) ?? FirstConstantError(conditional.WhenFalse),
            CallExpr call => call.Arguments.Select(a => FirstConstantError(a.Value)).FirstOrDefault(e => e is not null),
            _ => null,
        };
    }

    /// <summary>C#'s implicit numeric conversion of a value to a wider type (an int branch of a double '?:').</summary>
    private static ExprValue Convert(ExprValue value, ExprType type) => value.Kind switch
    {
        ExprValueKind.Integer when type == ExprType.Double => ExprValue.Of((double)value.Integer),
        ExprValueKind.Symbol when type == ExprType.Double => ExprValue.Unknown(type),
        ExprValueKind.Error or ExprValueKind.Bool or ExprValueKind.Real => value,
        _ => value with { Type = type },
    };

    /// <summary>The static type, as the checker gives it, from the literals and the types of the parameters' values.</summary>
    public static ExprType TypeOf(Expr expr, Func<string, ExprValue> valueOf) => expr switch
    {
        IntLiteral literal => literal.Type,
        RealLiteral => ExprType.Double,
        BoolLiteral => ExprType.Bool,
        NameExpr name => valueOf(name.Name).Type,
        UnaryExpr unary => unary.Operator == "!" ? ExprType.Bool : TypeOf(unary.Operand, valueOf),
        BinaryExpr { Operator: "&&" or "||" or "==" or "!=" or "<" or "<=" or ">" or ">=" } => ExprType.Bool,
        BinaryExpr binary => ExprTypes.Promote(TypeOf(binary.Left, valueOf), TypeOf(binary.Right, valueOf)),
        ConditionalExpr conditional => TypeOf(conditional.WhenTrue, valueOf) is var whenTrue && whenTrue == ExprType.Bool
            ? ExprType.Bool
            : ExprTypes.Promote(whenTrue, TypeOf(conditional.WhenFalse, valueOf)),
        CallExpr { Function: ExprFunctions.MakeDivisible or ExprFunctions.Ceil or ExprFunctions.Floor or ExprFunctions.Round } => ExprType.Int,
        CallExpr { Function: ExprFunctions.Pow } => ExprType.Double,
        CallExpr call when call.Arguments.Count == 2 => ExprTypes.Promote(TypeOf(call.Arguments[0].Value, valueOf), TypeOf(call.Arguments[1].Value, valueOf)),
        _ => ExprType.Int,
    };

    /// <summary>Whether the expression reads any parameter; one that does not is a C# constant (calls aside).</summary>
    public static bool ReadsNames(Expr expr) => expr switch
    {
        NameExpr name => name.Name.IndexOf('.') < 0,
        UnaryExpr unary => ReadsNames(unary.Operand),
        BinaryExpr binary => ReadsNames(binary.Left) || ReadsNames(binary.Right),
        ConditionalExpr conditional => ReadsNames(conditional.Condition) || ReadsNames(conditional.WhenTrue) || ReadsNames(conditional.WhenFalse),
        CallExpr call => call.Arguments.Any(a => ReadsNames(a.Value)),
        _ => false,
    };

    private static ExprValue Unary(string op, ExprValue operand)
    {
        if (operand.IsError)
        {
            return operand;
        }

        if (op == "!")
        {
            return operand.AsBool is { } flag ? ExprValue.Of(!flag) : ExprValue.Unknown(ExprType.Bool);
        }

        return operand.Kind switch
        {
            ExprValueKind.Integer => Fit(-(BigInteger)operand.Integer, operand.Type, "-" + operand),
            ExprValueKind.Real => ExprValue.Of(-operand.Real),
            ExprValueKind.Symbol => ExprValue.Symbolic("-" + Wrap(operand.Text!), operand.Type),
            _ => ExprValue.Unknown(operand.Type),
        };
    }

    private static ExprValue Logical(BinaryExpr logical, Func<string, ExprValue> valueOf)
    {
        var isAnd = logical.Operator == "&&";
        var left = Evaluate(logical.Left, valueOf);
        if (left.IsError)
        {
            return left;
        }

        if (left.AsBool is { } known)
        {
            // false && … and true || … never evaluate the right side, in C# as here.
            return known != isAnd ? ExprValue.Of(known) : Evaluate(logical.Right, valueOf);
        }

        var right = Evaluate(logical.Right, valueOf);
        return right.AsBool is { } decisive && decisive != isAnd ? ExprValue.Of(decisive) : ExprValue.Unknown(ExprType.Bool);
    }

    private static ExprValue Conditional(ConditionalExpr conditional, Func<string, ExprValue> valueOf)
    {
        var condition = Evaluate(conditional.Condition, valueOf);
        if (condition.IsError)
        {
            return condition;
        }

        if (condition.AsBool is { } known)
        {
            // The branch's value with the whole expression's type: C# converts 'f ? a : big' to long either way.
            var taken = Evaluate(known ? conditional.WhenTrue : conditional.WhenFalse, valueOf);
            return taken.IsError ? taken : Convert(taken, TypeOf(conditional, valueOf));
        }

        // Either branch may run: only a value both agree on is known, and neither branch's error is certain.
        var whenTrue = Evaluate(conditional.WhenTrue, valueOf);
        var whenFalse = Evaluate(conditional.WhenFalse, valueOf);
        var type = whenTrue.Type == ExprType.Bool ? ExprType.Bool : ExprTypes.Promote(whenTrue.Type, whenFalse.Type);
        (whenTrue, whenFalse) = (Convert(whenTrue, type), Convert(whenFalse, type));
        return whenTrue.IsKnown && whenTrue.Kind == whenFalse.Kind && whenTrue.Integer == whenFalse.Integer && whenTrue.Real.Equals(whenFalse.Real)
            ? whenTrue
            : ExprValue.Unknown(type);
    }

    private static ExprValue Binary(string op, ExprValue left, ExprValue right)
    {
        if (op is "==" or "!=" or "<" or "<=" or ">" or ">=")
        {
            return Compare(op, left, right);
        }

        var type = ExprTypes.Promote(left.Type, right.Type);
        if (type.IsInteger() && right.Kind == ExprValueKind.Integer && right.Integer == 0 && op is "/" or "%")
        {
            // Certain whatever the left side is.
            return ExprValue.Failed(ExprErrorKind.DivisionByZero, $"'{op}' divides by zero ({Wrap(left.ToString())} {op} 0)");
        }

        if (left.IsKnown && right.IsKnown)
        {
            if (type == ExprType.Double)
            {
                return ExprValue.Of(Arithmetic(op, left.AsDouble, right.AsDouble));
            }

            if (op == "%" && right.Integer == -1 && left.Integer == (type == ExprType.Int ? int.MinValue : long.MinValue))
            {
                // The remainder is 0, but .NET computes it with the division, which overflows, and throws.
                return ExprValue.Failed(ExprErrorKind.Overflow, $"{left} % -1 overflows {type.Keyword()} in .NET");
            }

            BigInteger a = left.Integer, b = right.Integer;
            var exact = op switch
            {
                "+" => a + b,
                "-" => a - b,
                "*" => a * b,
                "/" => BigInteger.Divide(a, b),
                _ => BigInteger.Remainder(a, b),
            };
            return Fit(exact, type, $"{left} {op} {right}");
        }

        var symbolic = (left.Kind is ExprValueKind.Symbol or ExprValueKind.Integer) && (right.Kind is ExprValueKind.Symbol or ExprValueKind.Integer);
        return symbolic && type.IsInteger()
            ? ExprValue.Symbolic(Wrap(left.ToString()) + " " + op + " " + Wrap(right.ToString()), type)
            : ExprValue.Unknown(type);
    }

    private static double Arithmetic(string op, double a, double b) => op switch
    {
        "+" => a + b,
        "-" => a - b,
        "*" => a * b,
        "/" => a / b,
        _ => a % b,
    };

    private static ExprValue Compare(string op, ExprValue left, ExprValue right)
    {
        if (left.IsKnown && right.IsKnown)
        {
            if (left.Kind == ExprValueKind.Bool || right.Kind == ExprValueKind.Bool)
            {
                var same = left.Integer == right.Integer;
                return ExprValue.Of(op == "==" ? same : !same);
            }

            var order = left.Kind == ExprValueKind.Integer && right.Kind == ExprValueKind.Integer
                ? left.Integer.CompareTo(right.Integer)
                : left.AsDouble.CompareTo(right.AsDouble);
            var nan = double.IsNaN(left.AsDouble) || double.IsNaN(right.AsDouble);
            return ExprValue.Of(op switch
            {
                "==" => !nan && order == 0,
                "!=" => nan || order != 0,
                "<" => !nan && order < 0,
                "<=" => !nan && order <= 0,
                ">" => !nan && order > 0,
                _ => !nan && order >= 0,
            });
        }

        if (left.Kind == ExprValueKind.Symbol && right.Kind == ExprValueKind.Symbol && left.Text == right.Text)
        {
            return ExprValue.Of(op is "==" or "<=" or ">=");
        }

        return ExprValue.Unknown(ExprType.Bool);
    }

    private static ExprValue Call(string function, ExprValue[] arguments)
    {
        if (function == ExprFunctions.MakeDivisible)
        {
            if (!arguments.All(a => a.IsKnown))
            {
                return ExprValue.Unknown(ExprType.Int);
            }

            var divisor = arguments[1].Integer;
            long? minimum = arguments.Length > 2 ? arguments[2].Integer : null;
            var shown = $"make_divisible({string.Join(", ", arguments.Select(a => a.ToString()))})";
            if (divisor <= 0)
            {
                return ExprValue.Failed(ExprErrorKind.DivisionByZero, $"{shown} needs a positive divisor");
            }

            return ExprFunctions.MakeDivisibleValue(arguments[0].AsDouble, divisor, minimum) is { } result
                ? ExprValue.Of(result, ExprType.Int)
                : ExprValue.Failed(ExprErrorKind.Overflow, $"{shown} does not fit an int");
        }

        if (ExprFunctions.IsRounding(function))
        {
            var x = arguments[0];
            if (x.Kind == ExprValueKind.Integer)
            {
                // The ceiling (floor, rounding) of an int is the int itself: C#'s int converts to double exactly (a long may
                // not, and the generated code converts it to double first, so it is evaluated as the double it becomes).
                return x.Type == ExprType.Int ? x : ExprFunctions.RoundingValue(function, x.Integer) is { } whole ? ExprValue.Of(whole, ExprType.Int) : ExprValue.Failed(ExprErrorKind.Overflow, $"{function}({x}) does not fit an int");
            }

            if (!x.IsKnown)
            {
                return x.Kind == ExprValueKind.Symbol && x.Type == ExprType.Int ? x : ExprValue.Unknown(ExprType.Int);
            }

            return ExprFunctions.RoundingValue(function, x.AsDouble) is { } result
                ? ExprValue.Of(result, ExprType.Int)
                : ExprValue.Failed(ExprErrorKind.Overflow, $"{function}({x}) does not fit an int");
        }

        if (function == ExprFunctions.Pow)
        {
            // System.Math.Pow, which the generated code calls: unchecked, like every double operation (NaN and infinity are values).
            return arguments[0].IsKnown && arguments[1].IsKnown
                ? ExprValue.Of(Math.Pow(arguments[0].AsDouble, arguments[1].AsDouble))
                : ExprValue.Unknown(ExprType.Double);
        }

        var (a, b) = (arguments[0], arguments[1]);
        var type = ExprTypes.Promote(a.Type, b.Type);
        var isMin = function == ExprFunctions.Min;
        if (a.IsKnown && b.IsKnown)
        {
            if (type == ExprType.Double)
            {
                return ExprValue.Of(isMin ? Math.Min(a.AsDouble, b.AsDouble) : Math.Max(a.AsDouble, b.AsDouble));
            }

            return ExprValue.Of(isMin ? Math.Min(a.Integer, b.Integer) : Math.Max(a.Integer, b.Integer), type);
        }

        if (a.Kind == ExprValueKind.Symbol && b.Kind == ExprValueKind.Symbol && a.Text == b.Text)
        {
            return a with { Type = type };
        }

        return (a.Kind is ExprValueKind.Symbol or ExprValueKind.Integer) && (b.Kind is ExprValueKind.Symbol or ExprValueKind.Integer) && type.IsInteger()
            ? ExprValue.Symbolic($"{function}({a}, {b})", type)
            : ExprValue.Unknown(type);
    }

    /// <summary>The exact result, or an overflow error when it does not fit <paramref name="type"/>, as C#'s checked arithmetic throws.</summary>
    private static ExprValue Fit(BigInteger exact, ExprType type, string shown)
    {
        var (min, max) = type == ExprType.Int ? ((BigInteger)int.MinValue, (BigInteger)int.MaxValue) : ((BigInteger)long.MinValue, (BigInteger)long.MaxValue);
        return exact >= min && exact <= max
            ? ExprValue.Of((long)exact, type)
            : ExprValue.Failed(ExprErrorKind.Overflow, $"{shown} overflows {type.Keyword()} (it would be {exact.ToString(CultureInfo.InvariantCulture)})");
    }

    /// <summary>A compound sub-formula in parentheses, so the text reads unambiguously.</summary>
    private static string Wrap(string text) => text.IndexOf(' ') >= 0 ? "(" + text + ")" : text;
}
