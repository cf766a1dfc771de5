using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Analyzer;
using NetGen.GeneratorBenchmark.Keystroke;

namespace NetGen.GeneratorBenchmark;

/// <summary>
/// What NetGen's analyzer costs a build, with and without the generator's parses and analyses to answer from
/// (docs/performance.md, "The analyzer shares the generator's parse" and "… and its analyses"). Each round makes a new
/// compilation of the 200 models, runs the generator over it and then the analyzer over the output, as a build does;
/// then runs the analyzer again over the same text in new syntax trees with nothing kept (NothingKept.Scope), so
/// that it parses and analyses every model itself, as it did before it shared. Both are timed by the analyzer's own telemetry (what <c>ReportAnalyzer</c> reports) in the
/// same process, alternately, and must report the same diagnostics.
///
///   dotnet run -c Release --project tools/GeneratorBenchmark -- analyzer-cost [--rounds 15]
/// </summary>
internal static class AnalyzerCost
{
    public static void Run(int models, int rounds)
    {
        var shared = new List<double>();
        var alone = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            KeystrokeProject.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(KeystrokeProject.NewCompilation(models), out var compilation, out _);
            var reparsed = Reparsed(compilation);
            // Alternate which goes first, so that neither always finds the machine's caches warmed by the other.
            var (aloneMs, aloneDiagnostics) = round % 2 == 1 ? AnalyzeAlone(reparsed) : default;
            var (sharedMs, sharedDiagnostics) = Analyze(compilation);
            if (round % 2 == 0) (aloneMs, aloneDiagnostics) = AnalyzeAlone(reparsed);
            if (!sharedDiagnostics.SequenceEqual(aloneDiagnostics))
            {
                throw new InvalidOperationException("The analyzer reported differently with the generator's parses than without them.");
            }

            if (round == 0)
            {
                Console.WriteLine("NG diagnostics, each run: " + string.Join(", ", sharedDiagnostics.GroupBy(d => d.Split(' ')[0]).Select(g => $"{g.Count()} {g.Key}")));
                Console.WriteLine("  for example " + sharedDiagnostics.FirstOrDefault());
            }

            // The first round compiles NetGen's and Roslyn's code by the JIT; it is not counted.
            if (round > 0)
            {
                shared.Add(sharedMs);
                alone.Add(aloneMs);
                Console.WriteLine($"round {round}: with the generator's parses and analyses {sharedMs:F0} ms, parsing and analysing every model itself {aloneMs:F0} ms ({sharedDiagnostics.Count} NG diagnostics each)");
            }
        }

        var ratios = shared.Zip(alone, (s, a) => s / a).ToList();
        Console.WriteLine();
        Console.WriteLine($"| NetGenAnalyzer on {models} models, telemetry | median of {rounds} | per model |");
        Console.WriteLine("| --- | ---: | ---: |");
        Console.WriteLine($"| parsing and analysing every model itself (before) | {CompileCost.Median(alone):F0} ms | {CompileCost.Median(alone) / models:F2} ms |");
        Console.WriteLine($"| answering from the generator's parses and analyses (after) | {CompileCost.Median(shared):F0} ms | {CompileCost.Median(shared) / models:F2} ms |");
        Console.WriteLine($"In-round ratio after / before: median {CompileCost.Median(ratios):F2} (range {ratios.Min():F2}–{ratios.Max():F2})");
    }

    /// <summary>The analyzer as it was: every model parsed and analysed by itself, nothing taken from the generator.</summary>
    private static (double Ms, List<string> Diagnostics) AnalyzeAlone(Compilation compilation)
    {
        using var fresh = NetGen.Generator.NothingKept.Scope();
        return Analyze(compilation);
    }

    /// <summary>The analyzer's execution time as its telemetry counts it, and its NG diagnostics as comparable text.</summary>
    private static (double Ms, List<string> Diagnostics) Analyze(Compilation compilation)
    {
        // A collection the generator's garbage would trigger must not fall inside one variant's time.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var analyzer = new NetGenAnalyzer();
        var withAnalyzer = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var diagnostics = withAnalyzer.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()}: {d.GetMessage()}").Order(StringComparer.Ordinal).ToList();
        var telemetry = withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
        return (telemetry.ExecutionTime.TotalMilliseconds, diagnostics);
    }

    private static Compilation Reparsed(Compilation compilation) =>
        compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t =>
            CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)));
}
