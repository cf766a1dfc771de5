using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// The generator must not redo work on keystrokes elsewhere: after an edit to an unrelated file every
/// named pipeline step reports Cached or Unchanged, and the models it carries are plain values.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string Model = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Demo;

        [Model(Input = [1, 28, 28])]
        public partial class Tiny : nn.Module<Tensor, Tensor>
        {
            [Conv2d(1, 8, 3), ReLU] public partial Conv2d conv { get; }
            [Flatten, Linear(8 * 26 * 26, 10)] public partial Linear head { get; }
        }
        """;

    [Fact]
    public void An_edit_to_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile(Model, "namespace Demo; public static class Other { public static int Value => 1; }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace Demo; public static class Other { public static int Value => 2; }", GeneratorHarness.ParseOptions, path: "Model1.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var stepName in new[] { TrackingNames.ParsedModels, TrackingNames.ReferencedModels, TrackingNames.Index, TrackingNames.AnalysisInputs, TrackingNames.GeneratedSources })
        {
            Assert.True(result.TrackedSteps.ContainsKey(stepName), $"step {stepName} was not tracked");
            var reasons = result.TrackedSteps[stepName].SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{stepName}: {reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void An_edit_to_the_model_regenerates_it()
    {
        var compilation = GeneratorHarness.Compile(Model);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(Model.Replace("Linear(8 * 26 * 26, 10)", "Linear(8 * 26 * 26, 12)"), GeneratorHarness.ParseOptions, path: "Model0.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[TrackingNames.ParsedModels].SelectMany(step => step.Outputs).Select(output => output.Reason);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.Contains("Linear(8 * 26 * 26, 12)".Replace("8 * 26 * 26", "5408"), result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void An_edit_to_one_model_re_emits_only_that_model()
    {
        const string Other = """
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace Demo;

            [Model(Input = [4])]
            public partial class Other : nn.Module<Tensor, Tensor>
            {
                [Linear(8)] public partial Linear fc { get; }
            }
            """;
        var compilation = GeneratorHarness.Compile(Model, Other);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText(Model.Replace("Linear(8 * 26 * 26, 10)", "Linear(8 * 26 * 26, 12)"), GeneratorHarness.ParseOptions, path: "Model0.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var analyzed = result.TrackedSteps[TrackingNames.GeneratedSources].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(2, analyzed.Count);
        Assert.Single(analyzed, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(analyzed, output => output.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
        var emitted = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.Contains(emitted, output => output.Reason == IncrementalStepRunReason.Modified);
    }
}
