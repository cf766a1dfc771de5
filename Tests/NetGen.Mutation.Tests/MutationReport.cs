using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen.Mutation;

/// <summary>
/// The figures of a mutation run: recall over the failing mutants NetGen checks, false positives over every
/// flagged mutant, and next to them the mutants NetGen does not claim to check (<see cref="Outcome.Unchecked"/>).
/// </summary>
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

    public IReadOnlyList<MutantResult> With(Outcome outcome) => Results.Where(r => r.Outcome == outcome).ToList();

    /// <summary>The original set is wrong if it is flagged, does not compile, or fails the oracle.</summary>
    public bool OriginalClean => !Original.Flagged && Original.Runnable && !Original.Failed;

    /// <summary>The original set if it is flagged or fails, and every flagged mutant the oracle passes.</summary>
    public IReadOnlyList<MutantResult> FalsePositives =>
        (OriginalClean ? Array.Empty<MutantResult>() : new[] { Original }).Concat(With(Outcome.FalsePositive)).ToList();

    /// <summary>Caught / (caught + missed): the failing mutants NetGen claims to check that it flags.</summary>
    public double Recall => RecallOf(Results);

    private static double RecallOf(IReadOnlyList<MutantResult> rows)
    {
        var caught = rows.Count(r => r.Outcome == Outcome.Caught);
        var missed = rows.Count(r => r.Outcome == Outcome.Missed);
        return caught + missed == 0 ? 1 : (double)caught / (caught + missed);
    }

    public static MutationReport Create(MutantResult original, IReadOnlyList<MutantResult> results, TimeSpan elapsed) => new(original, results, elapsed);

    public string Markdown()
    {
        var b = new StringBuilder();
        var runnable = Results.Where(r => r.Runnable).ToList();
        var failing = runnable.Where(r => r.Failed).ToList();
        var notChecked = With(Outcome.Unchecked);
        b.AppendLine(CultureInfo.InvariantCulture,
            $"Mutants: {Results.Count}; runnable {runnable.Count}, of which failing {failing.Count} ({failing.Count(r => r.Crashed)} crash, {failing.Count(r => !r.Crashed)} only break a [Contract]) and not failing {runnable.Count - failing.Count}; not runnable {With(Outcome.NotRunnable).Count}. Run time {Elapsed.TotalSeconds:F0} s.");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture,
            $"Recall on checked mutants: {With(Outcome.Caught).Count} / {With(Outcome.Caught).Count + With(Outcome.Missed).Count} = {Recall * 100:F2} %. Unchecked: {notChecked.Count} ({notChecked.Count(r => r.Failed)} failing, {notChecked.Count(r => !r.Failed)} not failing). False positives: {FalsePositives.Count} (original set: flagged {Original.Flagged}, failing {Original.Failed}, runnable {Original.Runnable}).");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"Original set at the boundary (NG0110): {(Original.Boundary.Count == 0 ? "none" : string.Join("; ", Original.Boundary))}.");
        Table("Operator", Results.GroupBy(r => r.Mutant!.Operator.ToString()).OrderBy(g => (int)g.First().Mutant!.Operator));
        Table("Root", Results.GroupBy(r => RootsOf(r)).OrderBy(g => Array.FindIndex(SampleSet.Roots.ToArray(), root => g.Key.StartsWith(root.ShortName, StringComparison.Ordinal))));
        Table("Source file", Results.GroupBy(r => r.Mutant!.File).OrderBy(g => g.Key, StringComparer.Ordinal));

        b.AppendLine();
        b.AppendLine("Errors reported on caught mutants, by ID: " + string.Join(", ", With(Outcome.Caught).SelectMany(r => r.ErrorIds).GroupBy(id => id).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}")));
        foreach (var (title, list) in new[] { ("Misses", With(Outcome.Missed)), ("False positives", FalsePositives), ("Not runnable", With(Outcome.NotRunnable)), ("Unchecked and failing", notChecked.Where(r => r.Failed).ToList()) })
        {
            b.AppendLine();
            b.AppendLine(CultureInfo.InvariantCulture, $"{title}: {list.Count}");
            foreach (var r in list)
            {
                b.AppendLine(CultureInfo.InvariantCulture, $"- {r.Mutant?.ToString() ?? "original"} — {Detail(r)}");
            }
        }

        return b.ToString();

        void Table(string by, IEnumerable<IGrouping<string, MutantResult>> groups)
        {
            b.AppendLine();
            b.AppendLine(CultureInfo.InvariantCulture, $"| {by} | Mutants | Failing | Caught | Missed | Recall | Not failing | Passed | False pos. | Unchecked (failing / not) | Not runnable |");
            b.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var group in groups)
            {
                Row(group.Key, group.ToList());
            }

            Row("**All**", Results);
        }

        void Row(string name, IReadOnlyList<MutantResult> rows)
        {
            int Count(Outcome outcome, Func<MutantResult, bool>? also = null) => rows.Count(r => r.Outcome == outcome && (also?.Invoke(r) ?? true));
            var checkedFailing = Count(Outcome.Caught) + Count(Outcome.Missed);
            var recall = checkedFailing == 0 ? "–" : (RecallOf(rows) * 100).ToString("F0", CultureInfo.InvariantCulture) + " %";
            b.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {rows.Count} | {rows.Count(r => r.Runnable && r.Failed)} | {Count(Outcome.Caught)} | {Count(Outcome.Missed)} | {recall} | {rows.Count(r => r.Runnable && !r.Failed)} | {Count(Outcome.Passed)} | {Count(Outcome.FalsePositive)} | {Count(Outcome.Unchecked)} ({Count(Outcome.Unchecked, r => r.Failed)} / {Count(Outcome.Unchecked, r => !r.Failed)}) | {Count(Outcome.NotRunnable)} |");
        }
    }

    /// <summary>The columns of a run's <c>mutants.tsv</c>, one row per mutant.</summary>
    public const string TsvHeader = "id\toperator\tfile\tedit\topaque_region\tboundary\toutcome\tflagged\terrors\tcrashed\tcontract_false\trunnable\toracle";

    /// <summary>One mutant's row of <c>mutants.tsv</c>; a run writes each as it goes, so a run cut short keeps its rows.</summary>
    public static string TsvRow(MutantResult r)
    {
        var m = r.Mutant!;
        return string.Create(CultureInfo.InvariantCulture,
            $"{m.Id}\t{m.Operator}\t{m.File}\t{Clean(m.Description)}\t{m.InsideOpaqueRegion}\t{Clean(string.Join("; ", r.Boundary))}\t{r.Outcome}\t{r.Flagged}\t{string.Join(",", r.ErrorIds)}\t{r.Crashed}\t{r.ContractFalse}\t{r.Runnable}\t{Clean(Detail(r))}");
    }

    /// <summary>The roots a mutant runs ("ResNet34"), the key of the per-root table.</summary>
    private static string RootsOf(MutantResult r) => string.Join(" + ", SampleSet.RootsUsing(r.Mutant!.File).Select(root => root.Label));

    public static string Detail(MutantResult r) =>
        !r.Runnable && r.CompileErrors.Count > 0 ? string.Join("; ", r.CompileErrors.Take(2))
        : string.Join("; ", r.Runs.Select(run => $"{run.Root}: {run.Error ?? run.OutputShape}" + string.Concat(run.ContractViolations.Select(v => "; contract false: " + v))))
          + (r.ErrorMessages.Count > 0 ? " | " + r.ErrorMessages[0] : "")
          + (r.Boundary.Count > 0 ? " | boundary: " + string.Join("; ", r.Boundary) : "");

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
