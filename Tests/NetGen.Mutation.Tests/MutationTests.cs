using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace NetGen.Mutation;

/// <summary>
/// The CI part of the mutation harness: the mutants exist and cover every operator, the originals are
/// clean, and a bounded, deterministic subset agrees with the oracle (flagged exactly when forward
/// throws). The full run is Program's <c>full</c> command; its figures are in docs/shape-checking.md.
/// </summary>
public sealed class MutationTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<SampleFile> Files = SampleSet.Load();
    private static readonly IReadOnlyList<Mutant> Mutants = Mutator.Enumerate(Files);

    [Fact]
    public void There_are_at_least_300_single_edits_covering_every_operator()
    {
        Assert.True(Mutants.Count >= 300, $"{Mutants.Count} mutants");
        foreach (var op in new[] { MutationOperator.Channels, MutationOperator.Kernel, MutationOperator.Stride, MutationOperator.Padding, MutationOperator.Groups, MutationOperator.LinearInFeatures, MutationOperator.Shortcut })
        {
            Assert.Contains(Mutants, m => m.Operator == op);
        }

        Assert.Equal(Mutants.Count, Mutants.Select(m => m.Id).Distinct().Count());
        Assert.All(Mutants, m => Assert.NotEqual(Files.Single(f => f.Name == m.File).Text, m.MutatedText));
        // Every sample file is mutated, and every one of them is run by some root.
        Assert.All(Files, f => Assert.Contains(Mutants, m => m.File == f.Name));
        Assert.All(Files, f => Assert.NotEmpty(SampleSet.RootsUsing(f.Name)));
    }

    [Fact]
    public void A_mutant_is_one_edit_of_an_attribute_argument()
    {
        var mutant = Mutants.Single(m => m.File == "SeedModels/Net.cs" && m.Description.Contains("[Conv2d(32, 64, 3)] in_channels: 32 → 33", StringComparison.Ordinal));
        var original = Files.Single(f => f.Name == "SeedModels/Net.cs").Text;
        Assert.Equal(original.Replace("[Conv2d(32, 64, 3), ReLU]", "[Conv2d(33, 64, 3), ReLU]"), mutant.MutatedText);

        var dropped = Mutants.Single(m => m.File == "SeedModels/ResidualBlock.cs" && m.Description.Contains("delete the shortcut member 'right'", StringComparison.Ordinal));
        Assert.DoesNotContain("right", dropped.MutatedText.Split('\n').Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_original_samples_are_not_flagged_and_every_root_runs()
    {
        var result = new MutantRunner(Files).RunOriginal();

        Assert.Empty(result.ErrorMessages);
        Assert.True(result.Runnable, string.Join("; ", result.CompileErrors));
        Assert.Equal(SampleSet.Roots.Count, result.Runs.Count);
        Assert.All(result.Runs, r => Assert.Null(r.Error));
    }

    /// <summary>Every 20th mutant outside the ResNet34 files, plus ResidualBlock's shortcut edits: about 30 mutants, under a minute.</summary>
    [Fact]
    public void A_bounded_subset_is_flagged_exactly_when_forward_throws()
    {
        var subset = Mutants
            .Where(m => !m.File.StartsWith("SeedModels/Res", StringComparison.Ordinal))
            .Where((_, i) => i % 20 == 0)
            .Concat(Mutants.Where(m => m.File == "SeedModels/ResidualBlock.cs" && m.Operator == MutationOperator.Shortcut))
            .ToList();
        var runner = new MutantRunner(Files);

        var results = subset.Select(runner.Run).ToList();

        foreach (var r in results)
        {
            output.WriteLine($"{r.Mutant} flagged={string.Join(",", r.ErrorIds)} crashed={r.Crashed} {string.Join("; ", r.Runs.Select(x => x.Error).Where(e => e is not null))}");
        }

        var runnable = results.Where(r => r.Runnable).ToList();
        Assert.Contains(runnable, r => r.Crashed);
        Assert.Contains(runnable, r => !r.Crashed);
        Assert.All(runnable, r => Assert.True(r.Flagged == r.Crashed,
            $"{r.Mutant}: flagged={r.Flagged} ({string.Join("; ", r.ErrorMessages)}), forward threw={r.Crashed} ({string.Join("; ", r.Runs.Select(x => x.Error))})"));
    }
}
