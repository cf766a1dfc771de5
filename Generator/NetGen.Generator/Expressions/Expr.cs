using NetGen.Generator.Model;

namespace NetGen.Generator.Expressions;

/// <summary>
/// A parsed hyperparameter expression such as <c>planes * 4</c> or <c>stride != 1 || inplanes != planes * 4</c>.
/// Nodes are records, so two parses of the same text compare equal and a model holding one stays cacheable.
/// </summary>
internal abstract record Expr;

/// <summary>An integer literal: C# <c>int</c> when it fits, else <c>long</c>.</summary>
internal sealed record IntLiteral(long Value, ExprType Type) : Expr;

/// <summary>A floating-point literal, always <c>double</c>.</summary>
internal sealed record RealLiteral(double Value) : Expr;

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed record BoolLiteral(bool Value) : Expr;

/// <summary>The name of a constructor parameter.</summary>
internal sealed record NameExpr(string Name) : Expr;

/// <summary><c>-x</c> or <c>!x</c>.</summary>
internal sealed record UnaryExpr(string Operator, Expr Operand) : Expr;

/// <summary>An arithmetic, comparison or logical operator applied to two operands.</summary>
internal sealed record BinaryExpr(string Operator, Expr Left, Expr Right) : Expr;

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed record ConditionalExpr(Expr Condition, Expr WhenTrue, Expr WhenFalse) : Expr;

/// <summary>A call of one of the built-in functions (<see cref="ExprFunctions"/>).</summary>
internal sealed record CallExpr(string Function, EquatableArray<ExprNode> Arguments) : Expr;

/// <summary>A wrapper that makes an <see cref="Expr"/> usable in an <see cref="EquatableArray{T}"/>.</summary>
internal readonly record struct ExprNode(Expr Value);
