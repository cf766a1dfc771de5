using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// The generated code of each seed model in Samples/, kept as approved snapshots, and compiled with
/// nullable enabled and every warning an error.
/// </summary>
public sealed class SeedModelSnapshotTests
{
    private static readonly string[] SeedModels = { "Net", "SeedBlock", "ResidualBlock", "ResNet34" };

    public static TheoryData<string> Models => new(SeedModels);

    /// <summary>All seed sources together, since ResNet34 builds ResidualBlocks.</summary>
    private static GeneratorRun RunOnSeedModels() =>
        GeneratorHarness.Run(SeedModels.Select(m => RepositoryFiles.Read($"Samples/NetGen.SeedModels/{m}.cs")).ToArray());

    [Theory]
    [MemberData(nameof(Models))]
    public void Generated_code_matches_the_approved_snapshot(string model)
    {
        var run = RunOnSeedModels();

        // Infos (NG0100, sizes that stay symbolic) are expected; nothing may be a warning or an error.
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        Snapshot.Match(run.Generated($"NetGen.Samples.{model}.g.cs"), model);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Generated_code_compiles_with_nullable_and_warnings_as_errors(string model)
    {
        var run = RunOnSeedModels();

        var problems = run.CompilationErrors.Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(run.Output.SyntaxTrees, t => t.FilePath.EndsWith(NetGen.Generator.Parsing.HintNames.For($"NetGen.Samples.{model}")));
    }
}
