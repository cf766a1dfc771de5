using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace NetGen.Mutation;

/// <summary>
/// The full mutation run: <c>dotnet run --project Tests/NetGen.Mutation.Tests -c Release -- full [out-dir]</c>.
/// Prints the figures and writes <c>mutants.tsv</c> (one row per mutant) and <c>summary.md</c> to out-dir
/// (default: artifacts/mutation). <c>list</c> prints the mutants without running them.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "full";
        var files = SampleSet.Load();
        var mutants = Mutator.Enumerate(files);
        if (command == "list")
        {
            foreach (var mutant in mutants)
            {
                Console.WriteLine(mutant);
            }

            Console.WriteLine($"{mutants.Count} mutants");
            return 0;
        }

        var only = args.Length > 2 ? args[2] : null;
        var outDir = args.Length > 1 ? args[1] : Path.Combine("artifacts", "mutation");
        Directory.CreateDirectory(outDir);
        var watch = Stopwatch.StartNew();
        var runner = new MutantRunner(files);
        var original = runner.RunOriginal();
        Console.WriteLine($"original: flagged={original.Flagged} crashed={original.Crashed} {string.Join("; ", original.Runs.Select(r => $"{r.Root} {r.OutputShape ?? r.Error} {r.Seconds:F2}s"))}");
        var selected = only is null ? mutants : mutants.Where(m => m.Id.Contains(only, StringComparison.Ordinal)).ToList();
        var results = new System.Collections.Generic.List<MutantResult>();
        foreach (var mutant in selected)
        {
            var started = watch.Elapsed;
            var result = runner.Run(mutant);
            results.Add(result);
            var verdict = !result.Runnable ? "NOT-RUN" : result.Flagged == result.Crashed ? "ok" : result.Crashed ? "MISS" : "FALSE-POSITIVE";
            Console.WriteLine($"{verdict,-14} {mutant} | flagged={string.Join(",", result.ErrorIds)} crashed={result.Crashed} runnable={result.Runnable} {(watch.Elapsed - started).TotalSeconds:F1}s [{string.Join(" ", result.Runs.Select(r => r.Seconds.ToString("F1")))}] {string.Join("; ", result.Runs.Where(r => r.Error is not null).Select(r => r.Root + ": " + r.Error))}{string.Join("; ", result.CompileErrors.Take(2))}");
        }

        var report = MutationReport.Create(original, results, watch.Elapsed);
        File.WriteAllText(Path.Combine(outDir, "mutants.tsv"), report.Tsv());
        File.WriteAllText(Path.Combine(outDir, "summary.md"), report.Markdown());
        Console.WriteLine(report.Markdown());
        return report.FalsePositives.Count == 0 && report.Recall >= 0.99 ? 0 : 1;
    }
}
