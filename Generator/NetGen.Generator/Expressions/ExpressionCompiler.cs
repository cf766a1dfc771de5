using NetGen.Generator.Model;

namespace NetGen.Generator.Expressions;

/// <summary>An expression read from an attribute: its tree and type, or the first error, and its value at the defaults.</summary>
internal sealed record CompiledExpression(Expr? Expr, ExprType Type, ExprError? Error, ExprValue AtDefaults);

/// <summary>
/// Parses, type-checks and evaluates an expression at the model's default hyperparameters, in that order,
/// stopping at the first error: a syntax error, an unknown name, a wrong type, or a division by zero or
/// overflow that happens at the defaults whatever the parameters without a default are.
/// </summary>
internal static class ExpressionCompiler
{
    public static CompiledExpression Compile(string text, EquatableArray<ParameterSpec> parameters)
    {
        var expr = ExprParser.Parse(text, out var syntaxError);
        if (expr is null)
        {
            return new CompiledExpression(null, ExprType.Int, new ExprError(ExprErrorKind.Syntax, syntaxError), default);
        }

        var type = ExprChecker.Check(expr, name => TypeNameOf(name, parameters), out var typeError);
        if (type is null)
        {
            return new CompiledExpression(expr, ExprType.Int, typeError, default);
        }

        // C# evaluates constant sub-expressions when it compiles the generated code, even in a branch that never
        // runs: 'flag ? 1 : 1 / 0' would not compile (CS0020), so it is reported here whatever the parameters are.
        if (ExprEvaluator.FirstConstantError(expr) is { } constantError)
        {
            return new CompiledExpression(expr, type.Value, constantError, default);
        }

        var atDefaults = ExprEvaluator.Evaluate(expr, ExpressionText.Defaults(parameters));
        return new CompiledExpression(expr, type.Value, atDefaults.Error, atDefaults);
    }

    private static string? TypeNameOf(string name, EquatableArray<ParameterSpec> parameters)
    {
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
