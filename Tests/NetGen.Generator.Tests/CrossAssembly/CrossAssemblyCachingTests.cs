using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Descriptors;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.CrossAssembly;

/// <summary>
/// The models read from a referenced library compare by value, so a consumer's generator stays cached across
/// edits that do not change them: an unrelated edit, or the library rebuilt unchanged (a new dll with the
/// same descriptors, as after a rebuild in the IDE). A changed block does regenerate the models using it.
/// </summary>
public sealed class CrossAssemblyCachingTests
{
    private const string Unrelated = "namespace App; public static class Other { public static int Value => 1; }";

    private static readonly string[] Steps =
    {
        TrackingNames.ParsedModels, TrackingNames.ReferencedModels, TrackingNames.Index, TrackingNames.AnalysisInputs, TrackingNames.GeneratedSources,
    };

    [Fact]
    public void An_unrelated_edit_in_the_consumer_leaves_every_step_cached_or_unchanged()
    {
        var compilation = Consumer(TwoAssemblies.Library(BlockLibrarySources.Blocks));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Last(), Tree(Unrelated.Replace("=> 1", "=> 2"), "Consumer1.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertDescribesTheLibrary(result);
        AssertCachedOrUnchanged(result);
    }

    [Fact]
    public void The_library_rebuilt_unchanged_leaves_every_step_cached_or_unchanged()
    {
        var compilation = Consumer(TwoAssemblies.Library(BlockLibrarySources.Blocks));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var rebuilt = compilation.WithReferences(GeneratorHarness.References.Add(TwoAssemblies.Library(BlockLibrarySources.Blocks)));
        var result = driver.RunGenerators(rebuilt).GetRunResult().Results.Single();

        AssertDescribesTheLibrary(result);
        AssertCachedOrUnchanged(result);
    }

    [Fact]
    public void A_changed_block_in_the_library_regenerates_the_consumer()
    {
        var compilation = Consumer(TwoAssemblies.Library(BlockLibrarySources.Blocks));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        // The stem's conv loses its padding: 32×32 becomes 30×30 after it, and so on down the model.
        var changed = TwoAssemblies.Library(BlockLibrarySources.Blocks.Replace("[Conv2d(3, \"width\", 3, Padding = 1), ReLU]", "[Conv2d(3, \"width\", 3), ReLU]"));
        var result = driver.RunGenerators(compilation.WithReferences(GeneratorHarness.References.Add(changed))).GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.ReferencedModels));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.GeneratedSources));
        Assert.Contains("row\\tstem\\tStem\\t0\\t24,30,30\\t", Assert.Single(result.GeneratedSources).SourceText.ToString());
    }

    private static CSharpCompilation Consumer(MetadataReference library) =>
        TwoAssemblies.Compile("Consumer", "Consumer", [BlockLibrarySources.Consumer, Unrelated], GeneratorHarness.References.Add(library));

    private static SyntaxTree Tree(string source, string path) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: path);

    /// <summary>Not a vacuous pass: the referenced step did read the library's three blocks.</summary>
    private static void AssertDescribesTheLibrary(GeneratorRunResult result)
    {
        var set = (ReferencedModelSet)result.TrackedSteps[TrackingNames.ReferencedModels].Single().Outputs.Single().Value;
        Assert.Equal(new[] { "global::Blocks.Basic", "global::Blocks.ConvBnReLU", "global::Blocks.Stem" }, set.Models.Select(m => m.FullyQualifiedName).OrderBy(n => n));
    }

    private static void AssertCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var step in Steps)
        {
            var reasons = Reasons(result, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private static System.Collections.Generic.List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
}
