using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Expressions;

/// <summary>An expression read from an attribute: its tree and type, or the first error, and its value at the defaults.</summary>
/// <param name="Text">The source with enum members written in full (<c>Act.GELU</c> becomes <c>MyModels.Act.GELU</c>), as stored and emitted.</param>
internal sealed record CompiledExpression(Expr? Expr, ExprType Type, ExprError? Error, ExprValue AtDefaults, string Text = "");

/// <summary>
/// Parses, type-checks and evaluates an expression at the model's default hyperparameters, in that order,
/// stopping at the first error: a syntax error, an unknown name, a wrong type, or a division by zero or
/// overflow that happens at the defaults whatever the parameters without a default are.
/// </summary>
internal static class ExpressionCompiler
{
    public static CompiledExpression Compile(string text, EquatableArray<ParameterSpec> parameters)
    {
        text = QualifyEnumMembers(text, parameters);
        var expr = ExprParser.Parse(text, out var syntaxError);
        if (expr is null)
        {
            return new CompiledExpression(null, ExprType.Int, new ExprError(ExprErrorKind.Syntax, syntaxError), default, text);
        }

        var type = ExprChecker.Check(expr, name => TypeNameOf(name, parameters), out var typeError,
            typeName => parameters.Any(p => p.TypeName == typeName && !p.EnumMembers.IsEmpty));
        if (type is null)
        {
            return new CompiledExpression(expr, ExprType.Int, typeError, default, text);
        }

        // C# evaluates constant sub-expressions when it compiles the generated code, even in a branch that never
        // runs: 'flag ? 1 : 1 / 0' would not compile (CS0020), so it is reported here whatever the parameters are.
        if (ExprEvaluator.FirstConstantError(expr) is { } constantError)
        {
            return new CompiledExpression(expr, type.Value, constantError, default, text);
        }

        var atDefaults = ExprEvaluator.Evaluate(expr, ExpressionText.Defaults(parameters));
        return new CompiledExpression(expr, type.Value, atDefaults.Error, atDefaults, text);
    }

    /// <summary>
    /// Writes every <c>Type.Member</c> that names a member of an enum parameter's type in full, so the generated
    /// code (which has none of the user's usings) finds it and equal members read equally everywhere.
    /// </summary>
    private static string QualifyEnumMembers(string text, EquatableArray<ParameterSpec> parameters)
    {
        if (text.IndexOf('.') < 0 || !ExprTokenizer.TryTokenize(text, out var tokens, out _))
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text);
        foreach (var token in tokens.Where(t => t.Kind == TokenKind.Name && t.Text.IndexOf('.') >= 0).Reverse())
        {
            if (EnumMembers.Resolve(token.Text, parameters) is { } member)
            {
                result.Remove(token.Position, token.Text.Length).Insert(token.Position, member.QualifiedName);
            }
        }

        return result.ToString();
    }

    private static string? TypeNameOf(string name, EquatableArray<ParameterSpec> parameters)
    {
        if (name.IndexOf('.') >= 0)
        {
            return EnumMembers.Resolve(name, parameters)?.TypeName;
        }

        foreach (var parameter in parameters)
        {
            if (parameter.Name == name)
            {
                return parameter.TypeName;
            }
        }

        return null;
    }
}
