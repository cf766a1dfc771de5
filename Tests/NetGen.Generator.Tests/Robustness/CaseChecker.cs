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
/// Compiles one <see cref="DeclarationCase"/> with the real generator and NetGen's analyzer and lists every
/// way the outcome breaks NetGen's promises. An empty list is a pass.
/// </summary>
/// <remarks>
/// Each case is its own compilation: <see cref="HelperModels"/> plus the case's file, with the harness's
/// references and strict options (nullable, warnings as errors). Three things keep a case cheap:
/// <list type="bullet">
/// <item>the helpers' compilation is built and checked once, so every case reuses its bound references;</item>
/// <item>the generator driver that ran over the helpers runs every case, so the helpers stay cached in it and
/// only the case's own model is parsed, analysed and emitted;</item>
/// <item>the compiler's and the analyzer's diagnostics come from one pass over the compilation
/// (<c>GetAllDiagnosticsAsync</c>), not a compile and then an analyzer run that binds everything again.</item>
/// </list>
/// </remarks>
internal static class CaseChecker
{
    private static readonly Lazy<(CSharpCompilation Compilation, GeneratorDriver Driver, ImmutableHashSet<string> HelperHints)> Base = new(() =>
    {
        var compilation = GeneratorHarness.Compile(HelperModels.Source).WithOptions(GeneratorHarness.StrictOptions.WithConcurrentBuild(false));
        var driver = GeneratorHarness.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var problems = generatorDiagnostics.Concat(AllDiagnostics(output)).Where(d => d.Severity > DiagnosticSeverity.Info).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The helper models do not compile cleanly:\n" + string.Join("\n", problems));
        }

        return (compilation, driver, driver.GetRunResult().GeneratedTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)).ToImmutableHashSet());
    });

    public static IReadOnlyList<string> Check(DeclarationCase @case)
    {
        var (baseCompilation, baseDriver, helperHints) = Base.Value;
        var tree = CSharpSyntaxTree.ParseText(@case.Source, GeneratorHarness.ParseOptions, path: "Case.cs");
        // The driver is immutable: every case runs from the one that has seen the helpers.
        var driver = baseDriver.RunGeneratorsAndUpdateCompilation(baseCompilation.AddSyntaxTrees(tree), out var output, out var generatorDiagnostics);
        var problems = new List<string>();

        foreach (var result in driver.GetRunResult().Results.Where(r => r.Exception is not null))
        {
            problems.Add($"the generator threw: {result.Exception}");
        }

        // The generator's own diagnostics, then the compiler's and the analyzer's from one pass.
        var all = AllDiagnostics(output);
        var reported = generatorDiagnostics.Concat(all.Where(d => !d.Id.StartsWith("CS", StringComparison.Ordinal))).ToList();
        var compiler = all.Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning).ToList();

        // The analyzer answered from the generator's parses; on its own, it must report the same.
        problems.AddRange(ColdAnalysis.Differences(output, all).Select(d => $"the analyzer's diagnostics depend on reusing the generator's parse: {d}"));

        foreach (var crash in reported.Concat(compiler).Where(d => d.Id is "CS8785" or "AD0001" or "NG0099"))
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
                problems.AddRange(CompilerProblems(compiler, helperHints).Select(d => $"the generated compilation is not clean: {d}"));
            }
        }
        else if (ngErrors.Count == 0)
        {
            var errors = CompilerProblems(compiler, helperHints).Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).Select(d => d.ToString());
            problems.Add($"an invalid declaration ({@case.Flaw}) got no NG error; the compiler said: {string.Join(" | ", errors)}");
        }
        else
        {
            // Refused, so NetGen wrote a stub: whatever the user's own C# errors, the stub itself must compile.
            problems.AddRange(compiler.Where(d => d.Location.SourceTree is { } generated && NetGen.Generator.Parsing.TypeShapes.IsNetGenTree(generated)
                    && !helperHints.Contains(System.IO.Path.GetFileName(generated.FilePath)) && !FollowsFromTheFlaw(@case.Flaw, d))
                .Select(d => $"the stub NetGen wrote does not compile: {d}"));
        }

        return problems;
    }

    /// <summary>
    /// Errors in a stub that the user's own mistake causes, and C# reports on the user's code too: a class that
    /// is not partial, an outer type that is not, or a base that is not a module leave nothing for a stub to fit.
    /// </summary>
    private static bool FollowsFromTheFlaw(Flaw flaw, Diagnostic diagnostic) => false;

    /// <summary>The compiler's diagnostics and NetGen's analyzer's, from one pass over <paramref name="compilation"/>.</summary>
    private static ImmutableArray<Diagnostic> AllDiagnostics(Compilation compilation) =>
        compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new NetGen.Generator.Analyzer.NetGenAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Warnings and errors of the whole compilation except those inside the helpers (checked once).
    /// Whole-compilation, not per-tree: the body of a partial constructor is bound with its declaration,
    /// so a per-tree semantic model misses errors in the generated half.
    /// </summary>
    private static IEnumerable<Diagnostic> CompilerProblems(IEnumerable<Diagnostic> compiler, ImmutableHashSet<string> helperHints) =>
        compiler.Where(d => d.Location.SourceTree is not { } tree
            || (tree.FilePath != "Model0.cs" && !helperHints.Contains(System.IO.Path.GetFileName(tree.FilePath))));
}
