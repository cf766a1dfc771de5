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
    [Theory]
    [InlineData("Net")]
    public void Generated_code_matches_the_approved_snapshot(string model)
    {
        var run = GeneratorHarness.Run(RepositoryFiles.Read($"Samples/NetGen.SeedModels/{model}.cs"));

        Assert.Empty(run.GeneratorDiagnostics);
        Snapshot.Match(run.Generated($"NetGen.Samples.{model}.g.cs"), model);
    }

    [Theory]
    [InlineData("Net")]
    public void Generated_code_compiles_with_nullable_and_warnings_as_errors(string model)
    {
        var run = GeneratorHarness.Run(RepositoryFiles.Read($"Samples/NetGen.SeedModels/{model}.cs"));

        var problems = run.CompilationErrors.Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(run.Output.SyntaxTrees, t => t.FilePath.EndsWith($"NetGen.Samples.{model}.g.cs"));
    }
}
