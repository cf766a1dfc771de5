using System.Collections.Generic;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads a condition (<c>[When("…")]</c>, <c>[Residual(When = "…")]</c>): a bool parameter or a bool
/// expression over the parameters, such as <c>"stride != 1 || inplanes != planes * 4"</c>. Anything else is
/// NG0010 with the reason; an expression that fails at the defaults is NG0032.
/// </summary>
internal static class ConditionParser
{
    /// <summary>The condition's text, or null when it was reported.</summary>
    public static string? Read(string text, EquatableArray<ParameterSpec> parameters, string modelName, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var compiled = ExpressionCompiler.Compile(text, parameters);
        var reason = compiled.Error switch
        {
            null when compiled.Type != ExprType.Bool => $"it is {Article(compiled.Type)} {compiled.Type.Keyword()}, not a bool",
            null when !ExprEvaluator.ReadsNames(compiled.Expr!) => "it reads no constructor parameter, so it is always " + compiled.AtDefaults + "; declare the member without [When], or remove it",
            null => null,
            { Kind: ExprErrorKind.DivisionByZero or ExprErrorKind.Overflow } => null,
            { Kind: ExprErrorKind.UnknownName, Subject: { } name } => $"'{name}' is not a constructor parameter; known parameters: {Known(parameters)}",
            { } error => error.Message,
        };

        if (reason is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConditionMustBeBool, location, text, modelName, reason));
            return null;
        }

        if (compiled.Error is { } failure)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ExpressionFailsAtDefaults, location, text, modelName, failure.Message));
            return null;
        }

        return compiled.Text;
    }

    private static string Article(ExprType type) => type == ExprType.Int ? "an" : "a";

    private static string Known(EquatableArray<ParameterSpec> parameters) =>
        parameters.IsEmpty ? "(none: declare them with a partial constructor)" : string.Join(", ", System.Linq.Enumerable.Select(parameters, p => p.Name));
}
