using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Hardening;

/// <summary>
/// What the hardening tests ask of one real compilation: that NetGen neither crashed nor wrote code that
/// does not compile, which NG diagnostics it reported where, and the summary it generated.
/// </summary>
internal static class Declarations
{
    public const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    public static GeneratorRun Run(string source) => GeneratorHarness.Run(Usings + source);

    /// <summary>A generator exception, CS8785 (a generator that threw), AD0001 (an analyzer that threw) or NG0099 (NetGen's own failure).</summary>
    public static IEnumerable<string> Crashes(GeneratorRun run) =>
        run.Result.Results.Where(r => r.Exception is not null).Select(r => "generator threw: " + r.Exception)
            .Concat(run.GeneratorDiagnostics.Concat(run.Output.GetDiagnostics())
                .Where(d => d.Id is "CS8785" or "AD0001" or "NG0099").Select(d => d.ToString()));

    /// <summary>Compiler errors and warnings inside the files NetGen generated: always NetGen's fault, whatever the declaration.</summary>
    public static IEnumerable<Diagnostic> GeneratedCodeProblems(GeneratorRun run) =>
        run.CompilationErrors.Where(d => d.Location.SourceTree is { } tree && NetGen.Generator.Parsing.TypeShapes.IsNetGenTree(tree));

    /// <summary>No crash, no NG error, and a compilation (user code and generated code) without warnings or errors.</summary>
    public static void AssertAccepted(GeneratorRun run)
    {
        var problems = Crashes(run)
            .Concat(NgErrors(run).Select(d => d.ToString()))
            .Concat(run.CompilationErrors.Select(d => d.ToString()))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>No crash and nothing wrong in the generated code; the NG errors are returned for the test to judge.</summary>
    public static IReadOnlyList<Diagnostic> AssertRefusedCleanly(GeneratorRun run)
    {
        var problems = Crashes(run).Concat(GeneratedCodeProblems(run).Select(d => "generated code: " + d)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var errors = NgErrors(run);
        Assert.True(errors.Count > 0, "no NG error was reported; the compiler said: " + string.Join(" | ", run.CompilationErrors.Take(5)));
        return errors;
    }

    public static IReadOnlyList<Diagnostic> NgErrors(GeneratorRun run) =>
        // By default severity: the harness makes every warning an error, and NG0110 (a boundary note) is a warning.
        run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("NG", System.StringComparison.Ordinal) && d.DefaultSeverity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceSpan.Start).ToList();

    /// <summary>The source text a diagnostic is reported on.</summary>
    public static string SpanText(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    /// <summary>
    /// The compile-time summary NetGen generated for <paramref name="model"/>, read back as the runtime reads it:
    /// the arguments of the generated <c>ModelSummary.Parse("Model", "…")</c> call.
    /// </summary>
    public static NetGen.ModelSummary Summary(GeneratorRun run, string model)
    {
        foreach (var tree in run.Output.SyntaxTrees.Where(NetGen.Generator.Parsing.TypeShapes.IsNetGenTree))
        {
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression.ToString().EndsWith("ModelSummary.Parse", System.StringComparison.Ordinal)
                    && call.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax name && name.Token.ValueText == model
                    && call.ArgumentList.Arguments[1].Expression is LiteralExpressionSyntax data)
                {
                    return NetGen.ModelSummary.Parse(model, data.Token.ValueText);
                }
            }
        }

        throw new Xunit.Sdk.XunitException($"No summary was generated for '{model}'.");
    }

    /// <summary>The text of the file NetGen generated for the model whose metadata name is <paramref name="metadataName"/>.</summary>
    public static string GeneratedText(GeneratorRun run, string metadataName) => run.Generated(metadataName + ".g.cs");

    /// <summary>Whether <paramref name="expression"/>, a constant expression, evaluates to <paramref name="expected"/> in the generated compilation.</summary>
    public static object? Constant(GeneratorRun run, string expression)
    {
        var probe = CSharpSyntaxTree.ParseText(Usings + $"internal static class Probe {{ public const string Value = {expression}; }}", GeneratorHarness.ParseOptions, path: "Probe.cs");
        var compilation = run.Output.AddSyntaxTrees(probe);
        var errors = compilation.GetDiagnostics().Where(d => d.Location.SourceTree == probe && d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"'{expression}' does not compile: " + string.Join(" | ", errors));
        var field = probe.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single();
        return compilation.GetSemanticModel(probe).GetConstantValue(field.Initializer!.Value).Value;
    }
}
