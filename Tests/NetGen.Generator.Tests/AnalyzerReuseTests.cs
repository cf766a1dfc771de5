using System.Linq;
using Microsoft.CodeAnalysis.Text;
using NetGen.Generator.Tests.CrossAssembly;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// The analyzer answers from the parses the generator made of the same declarations (issue 14): a build then parses
/// each model once, not twice. The compilation the analyzer sees is the generator's plus NetGen's output, which
/// NetGen's parse never reads. Each test checks that the analyzer parsed nothing again, and that it reported exactly
/// what it reports on its own (<see cref="ColdAnalysis"/>: the same text in new syntax trees, where nothing can be
/// reused). The robustness suite makes the same comparison for every random declaration.
/// </summary>
public sealed class AnalyzerReuseTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Shared;

        """;

    /// <summary>A block in a file of its own, nested in a static class, so that its name holds a <c>+</c> in metadata.</summary>
    private const string Blocks = Usings + """
        public static partial class Parts
        {
            [Model(Input = ["c", 8, 8])]
            public partial class Stem : nn.Module<Tensor, Tensor>
            {
                public partial Stem(int c = 3, int width = 16);
                [Conv2d("c", "width", 3, Padding = 1), ReLU] public partial Conv2d conv { get; }
            }
        }
        """;

    /// <summary>A model whose Linear does not fit what the block gives it: only the block's parse shows that.</summary>
    private const string Mismatched = Usings + """
        [Model(Input = [3, 8, 8])]
        public partial class Mismatched : nn.Module<Tensor, Tensor>
        {
            [Block(3, 24)] public partial Parts.Stem stem { get; }
            [Conv2d(16, 8, 1)] public partial Conv2d head { get; }
        }
        """;

    /// <summary>A hand-written forward that reads what NetGen generates: a hyperparameter property and a typed key.</summary>
    private const string HandWritten = Usings + """
        [Model(Input = [16])]
        public partial class HandWritten : nn.Module<Tensor, Tensor>
        {
            public partial HandWritten(int hidden = 8);
            [Linear(16, "hidden")] public partial Linear fc { get; }
            [Linear("hidden", 4)] public partial Linear out_ { get; }

            public override Tensor forward(Tensor input)
            {
                var name = Keys.fc.weight;
                var x = fc.call(input).relu();
                return hidden > 4 && name.Length > 0 ? out_.call(x) : x;
            }
        }
        """;

    /// <summary>A plain TorchSharp field without an attribute, next to declared layers.</summary>
    private const string Opaque = Usings + """
        [Model(Input = [16])]
        public partial class WithPlainField : nn.Module<Tensor, Tensor>
        {
            [Linear(16, 8), ReLU] public partial Linear fc { get; }
            public Dropout drop = nn.Dropout(0.1);
        }
        """;

    [Fact]
    public void The_analyzer_parses_no_model_again_and_reports_what_it_reports_on_its_own()
    {
        var run = GeneratorHarness.Run(Blocks, Mismatched, HandWritten, Opaque);

        var parsed = Reparses.During(run.Output, () => _ = run.AnalyzerDiagnostics);

        // A hand-written forward may use what NetGen generates (here Keys, which binds only once NetGen's output is in
        // the compilation), so the analyzer reads that model itself; it takes the generator's reading of every other.
        Assert.Equal(["HandWritten"], parsed);
        AssertSameAsCold(run);
        // The reused parses carry what matters: the mismatch through the nested block; the forward read by the analyzer, its boundary.
        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "NG0101" && d.GetMessage().Contains("receives 24"));
        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "NG0110" && d.GetMessage().Contains("HandWritten (hand-written forward"));
    }

    [Fact]
    public void A_model_the_generator_failed_to_read_is_read_again_so_that_the_analyzer_reports_NG0099()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = [16])]
            public partial class NetGenFaultInjection_ThrowWhileParsing : nn.Module<Tensor, Tensor>
            {
                [Linear(16, 8)] public partial Linear fc { get; }
            }
            """);

        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "NG0099" && d.GetMessage().Contains("fault injected"));
    }

    [Fact]
    public void A_block_from_a_referenced_assembly_is_found_again_by_its_name()
    {
        var library = TwoAssemblies.Library(BlockLibrarySources.Blocks);
        var run = TwoAssemblies.Consumer(library, """
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace App;

            [Model(Input = [3, 32, 32])]
            public partial class Wrong : nn.Module<Tensor, Tensor>
            {
                [Block(24)] public partial Blocks.Stem stem { get; }
                [Conv2d(16, 8, 1)] public partial Conv2d head { get; }
            }
            """);

        Assert.Empty(Reparses.During(run.Output, () => _ = run.AnalyzerDiagnostics));
        AssertSameAsCold(run);
        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "NG0101" && d.GetMessage().Contains("24"));
    }

    [Fact]
    public void A_model_edited_after_the_generator_ran_is_read_again_by_the_analyzer()
    {
        var run = GeneratorHarness.Run(Blocks, Mismatched);
        var file = run.Output.SyntaxTrees.Single(t => t.FilePath == "Model1.cs");
        // The analyzer is given a compilation the generator never read: the block is now 16 wide, so the head fits.
        var edited = new GeneratorRun(run.Driver, run.Output.ReplaceSyntaxTree(file, file.WithChangedText(SourceText.From(Mismatched.Replace("[Block(3, 24)]", "[Block(3, 16)]")))), run.DriverDiagnostics);

        var parsed = Reparses.During(edited.Output, () => _ = edited.AnalyzerDiagnostics);

        Assert.Equal(["Mismatched"], parsed);
        AssertSameAsCold(edited);
        Assert.DoesNotContain(edited.AnalyzerDiagnostics, d => d.Id == "NG0101");
        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "NG0101");
    }

    private static void AssertSameAsCold(GeneratorRun run)
    {
        var differences = ColdAnalysis.Differences(run.Output, run.AnalyzerDiagnostics);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }
}
