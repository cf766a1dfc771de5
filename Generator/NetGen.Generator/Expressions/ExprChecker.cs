using System;
using System.Linq;

namespace NetGen.Generator.Expressions;

/// <summary>
/// Gives an expression its static type, as C# would: names must be <c>int</c>, <c>long</c>, <c>double</c>
/// or <c>bool</c> constructor parameters; arithmetic needs numbers, logic needs bools.
/// </summary>
internal static class ExprChecker
{
    /// <summary>The type of <paramref name="expr"/>, or null with the first error found.</summary>
    /// <param name="typeNameOf">A parameter's C# type name, or null when there is no such parameter.</param>
    /// <param name="isEnumType">Whether a type name (as <paramref name="typeNameOf"/> gives it) is an enum whose members expressions may name.</param>
    public static ExprType? Check(Expr expr, Func<string, string?> typeNameOf, out ExprError? error, Func<string, bool>? isEnumType = null)
    {
        error = null;
        var checker = new Walker(typeNameOf, isEnumType ?? (_ => false));
        var type = checker.TypeOf(expr);
        error = checker.Error;
        return error is null ? type : null;
    }

    private sealed class Walker(Func<string, string?> typeNameOf, Func<string, bool> isEnumType)
    {
        public ExprError? Error { get; private set; }

        private ExprType? Fail(ExprErrorKind kind, string message, string? subject = null)
        {
            Error ??= new ExprError(kind, message, subject);
            return null;
        }

        public ExprType? TypeOf(Expr expr)
        {
            switch (expr)
            {
                case IntLiteral literal:
                    return literal.Type;
                case RealLiteral:
                    return ExprType.Double;
                case BoolLiteral:
                    return ExprType.Bool;
                case NameExpr name:
                    var typeName = typeNameOf(name.Name);
                    if (typeName is null)
                    {
                        return name.Name.IndexOf('.') >= 0
                            ? Fail(ExprErrorKind.UnknownName, $"'{name.Name}' is not a member of the enum type of any constructor parameter")
                            : Fail(ExprErrorKind.UnknownName, $"'{name.Name}' is not a constructor parameter", name.Name);
                    }

                    return ExprTypes.OfTypeName(typeName)
                        ?? (isEnumType(typeName) ? ExprType.Enum : (ExprType?)null)
                        ?? Fail(ExprErrorKind.WrongType, $"'{name.Name}' is a {typeName.Replace("global::", "")}; expressions use int, long, double and bool parameters");
                case UnaryExpr unary:
                    return Unary(unary);
                case BinaryExpr binary:
                    return Binary(binary);
                case ConditionalExpr conditional:
                    return Conditional(conditional);
                case CallExpr call:
                    return Call(call);
                default:
                    return Fail(ExprErrorKind.Syntax, "unsupported expression");
            }
        }

        private ExprType? Unary(UnaryExpr unary)
        {
            if (TypeOf(unary.Operand) is not { } operand)
            {
                return null;
            }

            if (unary.Operator == "!")
            {
                return operand == ExprType.Bool ? ExprType.Bool : Fail(ExprErrorKind.WrongType, $"'!' needs a bool, not {Describe(unary.Operand, operand)}");
            }

            return operand.IsNumeric() ? operand : Fail(ExprErrorKind.WrongType, $"'-' needs a number, not {Describe(unary.Operand, operand)}");
        }

        private ExprType? Binary(BinaryExpr binary)
        {
            if (TypeOf(binary.Left) is not { } left || TypeOf(binary.Right) is not { } right)
            {
                return null;
            }

            if (binary.Operator is "==" or "!=" or "<" or "<=" or ">" or ">=" && binary.Left is NameExpr same && binary.Right is NameExpr { Name: var other } && same.Name == other)
            {
                // Always true or always false; C# warns (CS1718), and the generated code compiles with warnings as errors.
                return Fail(ExprErrorKind.WrongType, $"'{binary.Operator}' compares '{same.Name}' with itself");
            }

            if (left == ExprType.Enum || right == ExprType.Enum)
            {
                // An enum is compared with a member or parameter of the same enum, and nothing else is done with it.
                return binary.Operator is "==" or "!=" && left == right && EnumTypeOf(binary.Left) == EnumTypeOf(binary.Right)
                    ? ExprType.Bool
                    : Fail(ExprErrorKind.WrongType, $"'{binary.Operator}' cannot apply to {Describe(binary.Left, left)} and {Describe(binary.Right, right)}; an enum is only compared with == or != to the same enum");
            }

            switch (binary.Operator)
            {
                case "&&" or "||":
                    return left == ExprType.Bool && right == ExprType.Bool
                        ? ExprType.Bool
                        : Fail(ExprErrorKind.WrongType, $"'{binary.Operator}' needs two bools, not {Describe(binary.Left, left)} and {Describe(binary.Right, right)}");
                case "==" or "!=":
                    return left.IsNumeric() == right.IsNumeric()
                        ? ExprType.Bool
                        : Fail(ExprErrorKind.WrongType, $"'{binary.Operator}' cannot compare {Describe(binary.Left, left)} with {Describe(binary.Right, right)}");
                case "<" or "<=" or ">" or ">=":
                    return left.IsNumeric() && right.IsNumeric()
                        ? ExprType.Bool
                        : Fail(ExprErrorKind.WrongType, $"'{binary.Operator}' needs two numbers, not {Describe(binary.Left, left)} and {Describe(binary.Right, right)}");
                default:
                    return left.IsNumeric() && right.IsNumeric()
                        ? ExprTypes.Promote(left, right)
                        : Fail(ExprErrorKind.WrongType, $"'{binary.Operator}' needs two numbers, not {Describe(binary.Left, left)} and {Describe(binary.Right, right)}");
            }
        }

        private ExprType? Conditional(ConditionalExpr conditional)
        {
            if (TypeOf(conditional.Condition) is not { } condition || TypeOf(conditional.WhenTrue) is not { } whenTrue || TypeOf(conditional.WhenFalse) is not { } whenFalse)
            {
                return null;
            }

            if (condition != ExprType.Bool)
            {
                return Fail(ExprErrorKind.WrongType, $"the condition of '?:' must be a bool, not {Describe(conditional.Condition, condition)}");
            }

            if (whenTrue == ExprType.Enum || whenFalse == ExprType.Enum)
            {
                return Fail(ExprErrorKind.WrongType, "the branches of '?:' cannot be enums; compare the enum in the condition instead");
            }

            if (whenTrue.IsNumeric() != whenFalse.IsNumeric())
            {
                return Fail(ExprErrorKind.WrongType, $"the branches of '?:' must both be numbers or both bools, not {whenTrue.Keyword()} and {whenFalse.Keyword()}");
            }

            return whenTrue.IsNumeric() ? ExprTypes.Promote(whenTrue, whenFalse) : ExprType.Bool;
        }

        private ExprType? Call(CallExpr call)
        {
            if (!ExprFunctions.Names.Contains(call.Function))
            {
                return Fail(ExprErrorKind.Syntax, $"'{call.Function}' is not a function; the functions are {string.Join(", ", ExprFunctions.Names)}");
            }

            var types = new ExprType[call.Arguments.Count];
            for (var i = 0; i < types.Length; i++)
            {
                if (TypeOf(call.Arguments[i].Value) is not { } type)
                {
                    return null;
                }

                types[i] = type;
            }

            if (call.Function == ExprFunctions.MakeDivisible)
            {
                if (types.Length is < 2 or > 3)
                {
                    return Fail(ExprErrorKind.WrongType, $"make_divisible takes (value, divisor) or (value, divisor, min_value), not {types.Length} arguments");
                }

                if (!types[0].IsNumeric() || types.Skip(1).Any(t => !t.IsInteger()))
                {
                    return Fail(ExprErrorKind.WrongType, $"make_divisible takes a number and integer divisor (and integer minimum), not ({string.Join(", ", types.Select(t => t.Keyword()))})");
                }

                return ExprType.Int;
            }

            if (ExprFunctions.IsRounding(call.Function))
            {
                return types.Length == 1 && types[0].IsNumeric()
                    ? ExprType.Int
                    : Fail(ExprErrorKind.WrongType, $"{call.Function} takes one number, not ({string.Join(", ", types.Select(t => t.Keyword()))})");
            }

            if (call.Function == ExprFunctions.Pow)
            {
                return types.Length == 2 && types[0].IsNumeric() && types[1].IsNumeric()
                    ? ExprType.Double
                    : Fail(ExprErrorKind.WrongType, $"pow takes two numbers, not ({string.Join(", ", types.Select(t => t.Keyword()))})");
            }

            if (types.Length != 2 || !types[0].IsNumeric() || !types[1].IsNumeric())
            {
                return Fail(ExprErrorKind.WrongType, $"{call.Function} takes two numbers, not ({string.Join(", ", types.Select(t => t.Keyword()))})");
            }

            return ExprTypes.Promote(types[0], types[1]);
        }

        private string? EnumTypeOf(Expr expr) => expr is NameExpr name ? typeNameOf(name.Name) : null;

        private static string Describe(Expr expr, ExprType type) =>
            (expr is NameExpr name ? $"'{name.Name}' " : "") + "(" + type.Keyword() + ")";
    }
}
