using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace NetGen.Mutation;

/// <summary>
/// The full mutation run: <c>dotnet run --project Tests/NetGen.Mutation.Tests -c Release -- full [out-dir]</c>.
/// Prints the figures and writes <c>mutants.tsv</c> (one row per mutant) and <c>summary.md</c> to out-dir
/// (default: artifacts/mutation). <c>list</c> prints the mutants without running them. A third argument runs only
/// the mutants whose ID contains it (or one of its comma-separated parts); a fourth leaves out those whose ID contains one of
/// its parts. <c>mutants.tsv</c> gets each mutant's row as it is run. Each mutant's line starts with its <see cref="Outcome"/>.
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
        var except = args.Length > 3 ? args[3] : null;
        var outDir = args.Length > 1 ? args[1] : Path.Combine("artifacts", "mutation");
        Directory.CreateDirectory(outDir);
        var watch = Stopwatch.StartNew();
        var runner = new MutantRunner(files);
        var original = runner.RunOriginal();
        Console.WriteLine($"original: flagged={original.Flagged} failed={original.Failed} {MutationReport.Detail(original)}");
        var selected = mutants.Where(m => (only is null || Matches(m, only)) && (except is null || !Matches(m, except))).ToList();
        Console.WriteLine($"{selected.Count} of {mutants.Count} mutants selected");
        var rows = Path.Combine(outDir, "mutants.tsv");
        File.WriteAllText(rows, MutationReport.TsvHeader + Environment.NewLine);
        var results = new System.Collections.Generic.List<MutantResult>();
        foreach (var mutant in selected)
        {
            var started = watch.Elapsed;
            var result = runner.Run(mutant);
            results.Add(result);
            File.AppendAllText(rows, MutationReport.TsvRow(result) + Environment.NewLine);
            Console.WriteLine($"{result.Outcome,-14} {mutant} | flagged={string.Join(",", result.ErrorIds)} crashed={result.Crashed} contract-false={result.ContractFalse} {(watch.Elapsed - started).TotalSeconds:F1}s | {MutationReport.Detail(result)}");
        }

        var report = MutationReport.Create(original, results, watch.Elapsed);
        File.WriteAllText(Path.Combine(outDir, "summary.md"), report.Markdown());
        Console.WriteLine(report.Markdown());
        return report.FalsePositives.Count == 0 && report.Recall >= 0.99 ? 0 : 1;
    }

    /// <summary>Whether the mutant's ID contains one of the comma-separated parts ("GoogLeNet-,Inception-").</summary>
    private static bool Matches(Mutant mutant, string parts) => parts.Split(',').Any(part => mutant.Id.Contains(part, StringComparison.Ordinal));
}
