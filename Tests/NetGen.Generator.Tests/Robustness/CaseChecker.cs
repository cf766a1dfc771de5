using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Robustness;

/// <summary>
/// Compiles one <see cref="DeclarationCase"/> with the real generator (and any analyzers the generator
/// assembly exports) and lists every way the outcome breaks NetGen's promises. An empty list is a pass.
/// </summary>
/// <remarks>
/// Each case is its own compilation: <see cref="HelperModels"/> plus the case's file, with the
/// harness's references and strict options (nullable, warnings as errors). The helpers' compilation is
/// built and checked once, so every case reuses its bound references, and a case's compiler
/// diagnostics are read from the trees that are new in it (its file and what NetGen generated for it).
/// </remarks>
internal static class CaseChecker
{
    private static readonly Lazy<(CSharpCompilation Compilation, ImmutableHashSet<string> HelperHints)> Base = new(() =>
    {
        var compilation = GeneratorHarness.Compile(HelperModels.Source).WithOptions(GeneratorHarness.StrictOptions.WithConcurrentBuild(false));
        var run = GeneratorHarness.Run(compilation, trackSteps: false);
        var problems = run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).Concat(run.CompilationErrors).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The helper models do not compile cleanly:\n" + string.Join("\n", problems));
        }

        return (compilation, run.GeneratedSources.Select(s => s.HintName).ToImmutableHashSet());
    });

    public static IReadOnlyList<string> Check(DeclarationCase @case)
    {
        var (baseCompilation, helperHints) = Base.Value;
        var tree = CSharpSyntaxTree.ParseText(@case.Source, GeneratorHarness.ParseOptions, path: "Case.cs");
        var run = GeneratorHarness.Run(baseCompilation.AddSyntaxTrees(tree), trackSteps: false);
        var problems = new List<string>();

        foreach (var result in run.Result.Results.Where(r => r.Exception is not null))
        {
            problems.Add($"the generator threw: {result.Exception}");
        }

        // The generator's own diagnostics and the analyzer's (which the harness runs over the output).
        var reported = run.GeneratorDiagnostics.ToList();

        foreach (var crash in reported.Where(d => d.Id is "CS8785" or "AD0001" or "NG0099"))
        {
            problems.Add($"a generator or analyzer failure was reported: {crash}");
        }

        // A warning (an attribute with no effect) is advice, not a rejection, even where warnings are errors.
        var ngErrors = reported.Where(d => d.Id.StartsWith("NG", StringComparison.Ordinal) && d.DefaultSeverity == DiagnosticSeverity.Error).ToList();
        if (@case.IsValid)
        {
            // Shape errors (NG01xx) judge layer order and sizes, which this generator of cases does not
            // model (it keeps channels consistent, not ranks or spatial sizes); the mutation harness and
            // ShapeDiagnosticTests own that oracle. The generated code must still compile.
            ngErrors = ngErrors.Where(d => !d.Id.StartsWith("NG01", StringComparison.Ordinal)).ToList();
        }

        if (@case.IsValid)
        {
            problems.AddRange(ngErrors.Select(d => $"a valid declaration got {d}"));
            if (ngErrors.Count == 0)
            {
                // Checked only once NetGen accepted it, so that one root cause is reported once.
                problems.AddRange(CompilerProblems(run, helperHints).Select(d => $"the generated compilation is not clean: {d}"));
            }
        }
        else if (ngErrors.Count == 0)
        {
            var compiler = CompilerProblems(run, helperHints).Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).Select(d => d.ToString());
            problems.Add($"an invalid declaration ({@case.Flaw}) got no NG error; the compiler said: {string.Join(" | ", compiler)}");
        }

        return problems;
    }

    /// <summary>
    /// Warnings and errors of the whole compilation except those inside the helpers (checked once).
    /// Whole-compilation, not per-tree: the body of a partial constructor is bound with its declaration,
    /// so a per-tree semantic model misses errors in the generated half.
    /// </summary>
    private static IEnumerable<Diagnostic> CompilerProblems(GeneratorRun run, ImmutableHashSet<string> helperHints) =>
        run.CompilationErrors.Where(d => d.Location.SourceTree is not { } tree
            || (tree.FilePath != "Model0.cs" && !helperHints.Contains(System.IO.Path.GetFileName(tree.FilePath))));
}
