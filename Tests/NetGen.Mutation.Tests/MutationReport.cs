using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen.Mutation;

/// <summary>The figures of a mutation run: recall over crashing mutants, and false positives.</summary>
public sealed class MutationReport
{
    private MutationReport(MutantResult original, IReadOnlyList<MutantResult> results, TimeSpan elapsed)
    {
        Original = original;
        Results = results;
        Elapsed = elapsed;
    }

    public MutantResult Original { get; }

    public IReadOnlyList<MutantResult> Results { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Mutants whose code could not be emitted, so the oracle could not run.</summary>
    public IReadOnlyList<MutantResult> NotRunnable => Results.Where(r => !r.Runnable).ToList();

    public IReadOnlyList<MutantResult> Crashing => Results.Where(r => r.Runnable && r.Crashed).ToList();

    public IReadOnlyList<MutantResult> NonCrashing => Results.Where(r => r.Runnable && !r.Crashed).ToList();

    /// <summary>Crashing mutants not flagged at compile time.</summary>
    public IReadOnlyList<MutantResult> Misses => Crashing.Where(r => !r.Flagged).ToList();

    /// <summary>The original set or a non-crashing mutant, flagged.</summary>
    public IReadOnlyList<MutantResult> FalsePositives =>
        (Original.Flagged || Original.Crashed ? new[] { Original } : Array.Empty<MutantResult>()).Concat(NonCrashing.Where(r => r.Flagged)).ToList();

    public double Recall => Crashing.Count == 0 ? 1 : (double)Crashing.Count(r => r.Flagged) / Crashing.Count;

    public static MutationReport Create(MutantResult original, IReadOnlyList<MutantResult> results, TimeSpan elapsed) => new(original, results, elapsed);

    public string Markdown()
    {
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"Mutants: {Results.Count} (crashing {Crashing.Count}, not crashing {NonCrashing.Count}, not runnable {NotRunnable.Count}); run time {Elapsed.TotalSeconds:F0} s.");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"Recall: {Crashing.Count(r => r.Flagged)} / {Crashing.Count} = {Recall * 100:F2} %. False positives: {FalsePositives.Count} (original set flagged: {Original.Flagged}, original set crashed: {Original.Crashed}).");
        b.AppendLine();
        b.AppendLine("| Operator | Mutants | Crashing | Flagged crashing | Not crashing | Flagged not crashing | Not runnable |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in Results.GroupBy(r => r.Mutant!.Operator).OrderBy(g => g.Key))
        {
            Row(group.Key.ToString(), group.ToList());
        }

        Row("**All**", Results);
        b.AppendLine();
        b.AppendLine("| Source file | Mutants | Crashing | Flagged crashing | Not crashing | Flagged not crashing | Not runnable |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in Results.GroupBy(r => r.Mutant!.File).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Row(group.Key, group.ToList());
        }

        b.AppendLine();
        b.AppendLine("Errors reported on crashing mutants, by ID: " + string.Join(", ", Crashing.SelectMany(r => r.ErrorIds).GroupBy(id => id).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}")));
        foreach (var (title, list) in new[] { ("Misses", Misses), ("False positives", FalsePositives), ("Not runnable", NotRunnable) })
        {
            b.AppendLine();
            b.AppendLine(CultureInfo.InvariantCulture, $"{title}: {list.Count}");
            foreach (var r in list)
            {
                b.AppendLine(CultureInfo.InvariantCulture, $"- {r.Mutant?.ToString() ?? "original"} — {Detail(r)}");
            }
        }

        return b.ToString();

        void Row(string name, IReadOnlyList<MutantResult> rows) =>
            b.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {rows.Count} | {rows.Count(r => r.Runnable && r.Crashed)} | {rows.Count(r => r.Runnable && r.Crashed && r.Flagged)} | {rows.Count(r => r.Runnable && !r.Crashed)} | {rows.Count(r => r.Runnable && !r.Crashed && r.Flagged)} | {rows.Count(r => !r.Runnable)} |");
    }

    public string Tsv()
    {
        var b = new StringBuilder();
        b.AppendLine("id\toperator\tfile\tedit\tflagged\terrors\tcrashed\trunnable\toracle");
        foreach (var r in Results)
        {
            var m = r.Mutant!;
            b.AppendLine(CultureInfo.InvariantCulture,
                $"{m.Id}\t{m.Operator}\t{m.File}\t{Clean(m.Description)}\t{r.Flagged}\t{string.Join(",", r.ErrorIds)}\t{r.Crashed}\t{r.Runnable}\t{Clean(Detail(r))}");
        }

        return b.ToString();
    }

    private static string Detail(MutantResult r) =>
        !r.Runnable ? string.Join("; ", r.CompileErrors.Take(2))
        : string.Join("; ", r.Runs.Select(run => $"{run.Root}: {run.Error ?? run.OutputShape}"))
          + (r.ErrorMessages.Count > 0 ? " | " + r.ErrorMessages[0] : "");

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
