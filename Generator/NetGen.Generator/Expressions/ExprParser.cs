using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Expressions;

/// <summary>
/// Parses an expression by precedence climbing, lowest first: <c>?:</c>, <c>||</c>, <c>&amp;&amp;</c>,
/// <c>== !=</c>, <c>&lt; &lt;= &gt; &gt;=</c>, <c>+ -</c>, <c>* / %</c>, unary <c>- !</c>, then numbers,
/// names, calls and parentheses. Nesting is bounded (<see cref="MaxDepth"/>) and so is the length
/// (<see cref="MaxLength"/>), so no input can exhaust the stack: the generator must never throw.
/// </summary>
internal sealed class ExprParser
{
    public const int MaxDepth = 40;
    public const int MaxLength = 1000;

    private static readonly string[][] BinaryLevels =
    [
        ["||"],
        ["&&"],
        ["==", "!="],
        ["<", "<=", ">", ">="],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private readonly List<Token> _tokens;
    private int _position;
    private int _depth;
    private string? _error;

    private ExprParser(List<Token> tokens) => _tokens = tokens;

    /// <summary>The expression, or null with <paramref name="error"/> saying what is wrong and where.</summary>
    public static Expr? Parse(string text, out string error)
    {
        error = "";
        if (text.Length > MaxLength)
        {
            error = $"it is longer than {MaxLength} characters";
            return null;
        }

        if (!ExprTokenizer.TryTokenize(text, out var tokens, out error))
        {
            return null;
        }

        var parser = new ExprParser(tokens);
        var expr = parser.ParseConditional();
        if (expr is not null && parser.Current.Kind != TokenKind.End)
        {
            parser.Fail($"unexpected '{parser.Current.Text}' at position {parser.Current.Position + 1}");
        }

        error = parser._error ?? "";
        return parser._error is null ? expr : null;
    }

    private Token Current => _tokens[_position];

    private Expr? Fail(string message)
    {
        _error ??= message;
        return null;
    }

    private bool Accept(string op)
    {
        if (Current.Kind == TokenKind.Operator && Current.Text == op)
        {
            _position++;
            return true;
        }

        return false;
    }

    private Expr? ParseConditional()
    {
        if (++_depth > MaxDepth)
        {
            return Fail($"it nests deeper than {MaxDepth} levels");
        }

        try
        {
            var condition = ParseBinary(0);
            if (condition is null || !Accept("?"))
            {
                return condition;
            }

            var whenTrue = ParseConditional();
            if (whenTrue is null)
            {
                return null;
            }

            if (!Accept(":"))
            {
                return Fail(Expected("':' of the '?:'"));
            }

            var whenFalse = ParseConditional();
            return whenFalse is null ? null : new ConditionalExpr(condition, whenTrue, whenFalse);
        }
        finally
        {
            _depth--;
        }
    }

    private Expr? ParseBinary(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (left is not null && Current.Kind == TokenKind.Operator && BinaryLevels[level].Contains(Current.Text))
        {
            var op = Current.Text;
            _position++;
            var right = ParseBinary(level + 1);
            left = right is null ? null : new BinaryExpr(op, left, right);
        }

        return left;
    }

    private Expr? ParseUnary()
    {
        if (Current.Kind == TokenKind.Operator && Current.Text is "-" or "!")
        {
            var op = Current.Text;
            _position++;
            if (++_depth > MaxDepth)
            {
                return Fail($"it nests deeper than {MaxDepth} levels");
            }

            var operand = ParseUnary();
            _depth--;
            if (operand is null)
            {
                return null;
            }

            // -2147483648 is an int literal in C#, as it is here.
            return op == "-" && operand is IntLiteral literal
                ? new IntLiteral(-literal.Value, IntegerType(-literal.Value))
                : new UnaryExpr(op, operand);
        }

        return ParsePrimary();
    }

    private Expr? ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _position++;
                if (token.Text.Contains('.'))
                {
                    return ExprTokenizer.TryParseReal(token.Text, out var real) ? new RealLiteral(real) : Fail($"'{token.Text}' is not a number");
                }

                return ExprTokenizer.TryParseInteger(token.Text, out var integer)
                    ? new IntLiteral(integer, IntegerType(integer))
                    : Fail($"'{token.Text}' is too large for a long");
            case TokenKind.Name when token.Text is "true" or "false":
                _position++;
                return new BoolLiteral(token.Text == "true");
            case TokenKind.Name:
                _position++;
                return Accept("(") ? ParseCall(token) : new NameExpr(token.Text);
            case TokenKind.Operator when token.Text == "(":
                _position++;
                var inner = ParseConditional();
                if (inner is null)
                {
                    return null;
                }

                return Accept(")") ? inner : Fail(Expected("')'"));
            default:
                return Fail(Expected("a number, a name or '('"));
        }
    }

    private Expr? ParseCall(Token name)
    {
        var arguments = new List<ExprNode>();
        if (!Accept(")"))
        {
            do
            {
                var argument = ParseConditional();
                if (argument is null)
                {
                    return null;
                }

                arguments.Add(new ExprNode(argument));
            }
            while (Accept(","));

            if (!Accept(")"))
            {
                return Fail(Expected($"',' or ')' in the call of '{name.Text}'"));
            }
        }

        return new CallExpr(name.Text, arguments.ToEquatableArray());
    }

    private string Expected(string what) => Current.Kind == TokenKind.End
        ? $"it ends where {what} is expected"
        : $"expected {what} at position {Current.Position + 1}, not '{Current.Text}'";

    private static ExprType IntegerType(long value) => value is >= int.MinValue and <= int.MaxValue ? ExprType.Int : ExprType.Long;
}
