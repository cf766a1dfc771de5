using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests.Robustness;

/// <summary>
/// Issue 3, item 7, and issue 15: thousands of random declarations, valid and invalid, each compiled on its
/// own with the real generator and analyzer. Nothing crashes (no generator exception, CS8785, AD0001 or
/// NG0099, no stack overflow), every invalid declaration gets an NG error and a stub that compiles, and
/// every valid one generates code that compiles with nullable enabled and warnings as errors.
/// </summary>
/// <remarks>
/// The run is deterministic: case <c>i</c> is generated from <c>PCG(stream 1, seed <see cref="Seed"/> + i)</c>.
/// A failure prints each failing case's index, CsCheck seed and source, then hands the first one to
/// CsCheck's <c>Sample</c>, which replays that seed and shrinks it to a smaller failing declaration.
/// <c>NETGEN_ROBUST_CASES</c> overrides the case count (CI runs <see cref="DefaultCases"/>; docs/robustness.md
/// records the full run of 5,000 and more) and <c>NETGEN_ROBUST_SEED</c> the base seed.
/// </remarks>
public sealed class RandomDeclarationTests
{
    private const ulong Seed = 20_240_603;
    private const int DefaultCases = 1_000;

    /// <summary>A declaration is a tape of choices; shrinking the tape shrinks the declaration (see <see cref="ChoiceTape"/>).</summary>
    internal static readonly Gen<DeclarationCase> Declarations = Gen.Int[0, 9_999].Array[0, 160].Select(DeclarationBuilder.Build);

    private readonly ITestOutputHelper _output;

    public RandomDeclarationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Random_declarations_are_accepted_and_compile_or_are_reported_and_never_crash_the_generator()
    {
        var cases = Setting("NETGEN_ROBUST_CASES", DefaultCases);
        var seed = (ulong)Setting("NETGEN_ROBUST_SEED", (long)Seed);
        var failures = new ConcurrentBag<(int Index, string Seed, DeclarationCase Case, IReadOnlyList<string> Problems)>();
        var flaws = new ConcurrentDictionary<Flaw, int>();
        var clock = Stopwatch.StartNew();

        // Cases are independent compilations, so they run on every core; each keeps its own result.
        var threads = Setting("NETGEN_ROBUST_THREADS", Environment.ProcessorCount);
        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var pcg = new PCG(1, seed + (ulong)i);
            var caseSeed = pcg.ToString();
            var declaration = Declarations.Generate(pcg, null, out _);
            flaws.AddOrUpdate(declaration.Flaw, 1, (_, n) => n + 1);
            var problems = CaseChecker.Check(declaration);
            if (problems.Count > 0)
            {
                failures.Add((i, caseSeed, declaration, problems));
            }
        });

        var valid = flaws.TryGetValue(Flaw.None, out var v) ? v : 0;
        _output.WriteLine($"{cases} cases ({valid} valid, {cases - valid} invalid over {flaws.Count - 1} kinds of flaw) in {clock.Elapsed.TotalSeconds:F1} s, seed {seed}");
        foreach (var (flaw, count) in flaws.OrderBy(f => f.Key))
        {
            _output.WriteLine($"  {flaw}: {count}");
        }

        if (failures.IsEmpty)
        {
            Assert.True(valid >= cases / 3 && cases - valid >= cases / 4, $"the case mix is off: {valid} valid of {cases}");
            return;
        }

        var ordered = failures.OrderBy(f => f.Index).ToList();
        _output.WriteLine($"{failures.Count} failing cases; by flaw: "
            + string.Join(", ", ordered.GroupBy(f => f.Case.Flaw).Select(g => $"{g.Key} {g.Count()}")));
        foreach (var failure in ordered.Take(10))
        {
            _output.WriteLine($"---- case {failure.Index} (CsCheck seed \"{failure.Seed}\", base seed {seed}) ----");
            _output.WriteLine(failure.Case.ToString());
            foreach (var problem in failure.Problems)
            {
                _output.WriteLine("  * " + problem);
            }
        }

        if (Environment.GetEnvironmentVariable("NETGEN_ROBUST_DUMP") is { Length: > 0 } dump)
        {
            System.IO.File.WriteAllLines(dump, ordered.Select(f => $"#{f.Index} {f.Case.Flaw}: {string.Join(" || ", f.Problems)}\n{f.Case.Source}"));
        }

        // Let CsCheck replay the first failure and shrink it; its exception names the smallest case found.
        Declarations.Sample(
            declaration => CaseChecker.Check(declaration).Count == 0,
            seed: ordered[0].Seed,
            iter: 500, // after the replay, random cases that fail too and are smaller become the reported one
            threads: 1,
            print: declaration => declaration + "\n" + string.Join("\n", CaseChecker.Check(declaration)));
        Assert.Fail($"{failures.Count} of {cases} cases failed (first: case {ordered[0].Index}, seed \"{ordered[0].Seed}\"):\n"
            + string.Join("\n", ordered[0].Problems) + "\n" + ordered[0].Case);
    }

    [Fact]
    public void The_cases_include_alternative_repeat_stages_valid_and_flawed()
    {
        // Issue 12's block selector: several [Repeat<T>(When = …)] on one member. Generating is cheap (no compilation).
        var declarations = Enumerable.Range(0, 2_000).Select(i => Declarations.Generate(new PCG(1, Seed + (ulong)i), null, out _)).ToList();
        var valid = declarations.Count(d => d.IsValid && AlternativeStages.IsMatch(d.Source));
        var flawed = declarations.Count(d => d.Flaw == Flaw.RepeatChoiceOverlap);

        _output.WriteLine($"{valid} valid cases with alternative stages and {flawed} with a flawed choice, of {declarations.Count}");
        Assert.True(valid >= 20 && flawed >= 10, $"{valid} valid and {flawed} flawed cases with alternative stages");
    }

    [Fact]
    public void The_cases_include_factorised_branches_with_size_lists_of_expressions()
    {
        // Inception v3's forms: a branch of two named members ([Branch(Through = …)]) and per-dimension kernel and
        // padding lists whose items may be expressions of a hyperparameter.
        var declarations = Enumerable.Range(0, 2_000).Select(i => Declarations.Generate(new PCG(1, Seed + (ulong)i), null, out _)).ToList();
        var through = declarations.Count(d => d.IsValid && d.Source.Contains("Branch(Through = ", StringComparison.Ordinal));
        var expressions = declarations.Count(d => d.IsValid && d.Source.Contains("new object[] { 1, \"width > 4 ? 3 : 1\" }", StringComparison.Ordinal));

        _output.WriteLine($"{through} valid cases with a factorised branch, {expressions} of them with expression sizes, of {declarations.Count}");
        Assert.True(through >= 20 && expressions >= 5, $"{through} valid cases with a factorised branch, {expressions} with expression sizes");
    }

    [Fact]
    public void The_cases_include_uneven_splits()
    {
        var declarations = Enumerable.Range(0, 2_000).Select(i => Declarations.Generate(new PCG(1, Seed + (ulong)i), null, out _)).ToList();
        var splits = declarations.Count(d => d.IsValid && d.Source.Contains("[Split(", StringComparison.Ordinal));

        _output.WriteLine($"{splits} valid cases with [Split], of {declarations.Count}");
        Assert.True(splits >= 5, $"{splits} valid cases with [Split]");
    }

    /// <summary>Two [Repeat] attributes with a When on one member, as the builder writes alternatives.</summary>
    private static readonly System.Text.RegularExpressions.Regex AlternativeStages =
        new(@"Repeat<[^\n]*When = ""[^""]*""\)[^\n]*Repeat<[^\n]*When = ");

    private static int Setting(string name, int fallback) => (int)Setting(name, (long)fallback);

    private static long Setting(string name, long fallback) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
