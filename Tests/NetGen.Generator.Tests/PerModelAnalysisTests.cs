using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests;

/// <summary>
/// Issue 14, on 200 models: one edit re-parses, re-analyses and re-emits only the edited model and the models that use
/// it, and a comment-only edit re-emits nothing. The project is 40 families of five, a file each: a block, two models
/// that use it, and two models that use nothing. (Roslyn still calls NetGen's parse, the transform of its syntax
/// provider, for every model on every edit; <c>ParseReuse</c> answers it from the last compilation for every model
/// whose files cannot read differently.)
/// </summary>
public sealed class PerModelAnalysisTests(ITestOutputHelper output)
{
    private const int Families = 40;

    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Many;

        """;

    /// <summary>One family's five models, a file each, as a project usually has them.</summary>
    private static IEnumerable<string> Family(int k) =>
    [
        Usings + $$"""
        [Model(Input = ["c", 8, 8])]
        public partial class Blk{{k}} : nn.Module<Tensor, Tensor>
        {
            public partial Blk{{k}}(int c = 8);
            [Conv2d("c", 16, 3, Padding = 1), ReLU] public partial Conv2d conv { get; }
        }
        """,
        Usings + $$"""
        [Model(Input = [3, 8, 8])]
        public partial class UseA{{k}} : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 1)] public partial Conv2d stem { get; }
            [Block(8)] public partial Blk{{k}} blk { get; }
        }
        """,
        Usings + $$"""
        [Model(Input = [3, 8, 8])]
        public partial class UseB{{k}} : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 1)] public partial Conv2d stem { get; }
            [Block(8)] public partial Blk{{k}} blk { get; }
            [AdaptiveAvgPool2d(1), Flatten] public partial AdaptiveAvgPool2d pool { get; }
        }
        """,
        Usings + $$"""
        [Model(Input = [16])]
        public partial class SoloA{{k}} : nn.Module<Tensor, Tensor>
        {
            [Linear(16, 8), ReLU] public partial Linear fc { get; }
        }
        """,
        Usings + $$"""
        [Model(Input = [16])]
        public partial class SoloB{{k}} : nn.Module<Tensor, Tensor>
        {
            // A comment typed here moves nothing the model declares.
            [Linear(16, 4)] public partial Linear fc { get; }
        }
        """,
    ];

    private static readonly CSharpCompilation Project = GeneratorHarness.Compile(Enumerable.Range(0, Families).SelectMany(Family).ToArray());

    private static readonly GeneratorDriver Warm = GeneratorHarness.CreateDriver().RunGenerators(Project);

    [Fact]
    public void The_project_is_two_hundred_models_that_build_clean()
    {
        var run = GeneratorHarness.Run(Project);
        Assert.Equal(5 * Families, run.GeneratedSources.Count);
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
    }

    [Fact]
    public void Editing_a_block_re_analyses_only_it_and_its_two_users()
    {
        var result = Run(Edit("Blk17", source => source.Replace("[Conv2d(\"c\", 16, 3, Padding = 1), ReLU]", "[Conv2d(\"c\", 24, 3, Padding = 1), ReLU]")));

        Assert.Equal(["Blk17", "UseA17", "UseB17"], Executed(result, TrackingNames.GeneratedSources));
        Assert.Equal(["Blk17", "UseA17", "UseB17"], Changed(result, TrackingNames.AnalysisInputs));
        Assert.Equal(3, Reasons(result, TrackingNames.GeneratedSources).Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(5 * Families - 3, Reasons(result, TrackingNames.GeneratedSources).Count(r => r == IncrementalStepRunReason.Cached));
    }

    [Fact]
    public void Editing_a_model_no_one_uses_re_analyses_it_alone()
    {
        var result = Run(Edit("SoloA3", source => source.Replace("[Linear(16, 8), ReLU]", "[Linear(16, 12), ReLU]")));

        Assert.Equal(["SoloA3"], Executed(result, TrackingNames.GeneratedSources));
        Assert.Equal(1, Reasons(result, TrackingNames.GeneratedSources).Count(r => r == IncrementalStepRunReason.Modified));
    }

    [Fact]
    public void A_comment_only_edit_re_emits_nothing()
    {
        var result = Run(Edit("SoloB25", source => source.Replace("    // A comment typed here moves nothing the model declares.", "    // A comment typed here moves nothing the model declares, and neither does this one.\n    // Nor this.")));

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.GeneratedSources));
    }

    [Fact]
    public void Editing_a_block_re_parses_only_it_and_its_two_users()
    {
        var parsed = Parsed(Edit("Blk23", source => source.Replace("[Conv2d(\"c\", 16, 3, Padding = 1), ReLU]", "[Conv2d(\"c\", 20, 3, Padding = 1), ReLU]")));

        Assert.Equal(["Blk23", "UseA23", "UseB23"], parsed);
    }

    [Fact]
    public void A_comment_or_an_attribute_edit_in_a_model_no_one_uses_re_parses_it_alone()
    {
        Assert.Equal(["SoloB31"], Parsed(Edit("SoloB31", source => source.Replace("    // A comment typed here", "    // Another comment.\n    // A comment typed here"))));
        Assert.Equal(["SoloA31"], Parsed(Edit("SoloA31", source => source.Replace("[Linear(16, 8), ReLU]", "[Linear(16, 9), ReLU]"))));
    }

    /// <summary>
    /// The models NetGen parsed again for <paramref name="edited"/>, one keystroke after <see cref="Project"/>: the run
    /// on <see cref="Project"/> first brings what NetGen keeps back to it, whatever another test typed before.
    /// </summary>
    private List<string> Parsed(CSharpCompilation edited)
    {
        Warm.RunGenerators(Project);
        var parsed = Reparses.During(edited, () => Warm.RunGenerators(edited));
        output.WriteLine($"parsed again: {string.Join(", ", parsed)}");
        return parsed;
    }

    private GeneratorRunResult Run(CSharpCompilation edited)
    {
        var result = Warm.RunGenerators(edited).GetRunResult().Results.Single();
        output.WriteLine($"re-analysed: {string.Join(", ", Executed(result, TrackingNames.GeneratedSources))}");
        return result;
    }

    private static CSharpCompilation Edit(string model, System.Func<string, string> edit)
    {
        var tree = Project.SyntaxTrees.Single(t => t.ToString().Contains($"class {model} ", System.StringComparison.Ordinal));
        var text = tree.GetText().ToString();
        var changed = edit(text);
        Assert.NotEqual(text, changed);
        return Project.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(changed, GeneratorHarness.ParseOptions, path: tree.FilePath));
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    /// <summary>The models whose step ran: its input was new or modified, so its output is not merely Cached.</summary>
    private static List<string> Executed(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step]
            .Where(s => s.Outputs.Any(o => o.Reason is not IncrementalStepRunReason.Cached))
            .Select(s => ((GeneratedSource)s.Outputs[0].Value).HintName.Split('.')[1])
            .Order(System.StringComparer.Ordinal)
            .ToList();

    /// <summary>The models whose analysis input changed.</summary>
    private static List<string> Changed(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step]
            .Where(s => s.Outputs.Any(o => o.Reason is IncrementalStepRunReason.Modified))
            .Select(s => ((AnalysisInput)s.Outputs[0].Value).Parsed.Shell!.Name)
            .Order(System.StringComparer.Ordinal)
            .ToList();
}
