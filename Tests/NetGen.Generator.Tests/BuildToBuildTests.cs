using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// Issue 14: a command-line build, on the compiler server too, parses every file again and makes a new generator driver,
/// so Roslyn's caching has nothing to answer from. NetGen keeps its analyses and generated files by their inputs
/// (<see cref="RecentResults{TKey, TValue}"/>): the analyzer takes the generator's analysis of the same build, and the
/// next build takes this one's for every model whose inputs did not change. What they answer must be what a fresh run
/// computes; each test compares with one that keeps nothing (<see cref="NothingKept.Scope"/>).
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class BuildToBuildTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Rebuilt;

        """;

    private const string Block = Usings + """
        [Model(Input = ["c", 8, 8])]
        public partial class Blk : nn.Module<Tensor, Tensor>
        {
            public partial Blk(int c = 8);
            [Conv2d("c", 16, 3, Padding = 1), ReLU] public partial Conv2d conv { get; }
        }
        """;

    private const string User = Usings + """
        [Model(Input = [3, 8, 8])]
        public partial class Uses : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 1)] public partial Conv2d stem { get; }
            [Block(8)] public partial Blk blk { get; }
            [AdaptiveAvgPool2d(1), Flatten] public partial AdaptiveAvgPool2d pool { get; }
            [Linear(16, 10)] public partial Linear head { get; }
        }
        """;

    /// <summary>A shape mismatch, so that the kept analysis carries a diagnostic too.</summary>
    private const string Mismatched = Usings + """
        [Model(Input = [16])]
        public partial class Mismatched : nn.Module<Tensor, Tensor>
        {
            [Linear(16, 8), ReLU] public partial Linear fc { get; }
            [Linear(12, 4)] public partial Linear out_ { get; }
        }
        """;

    /// <summary>A hand-written forward, which the analyzer reads itself (it may use what NetGen generates).</summary>
    private const string HandWritten = Usings + """
        [Model(Input = [16])]
        public partial class HandWritten : nn.Module<Tensor, Tensor>
        {
            [Linear(16, 8)] public partial Linear fc { get; }
            public Dropout drop = nn.Dropout(0.1);

            public override Tensor forward(Tensor input) => drop.call(fc.call(input).relu());
        }
        """;

    private static readonly string[] Sources = [Block, User, Mismatched, HandWritten];

    [Fact]
    public void The_next_build_analyses_and_emits_no_unchanged_model_again_and_writes_what_a_fresh_build_writes()
    {
        GeneratorHarness.Run(GeneratorHarness.Compile(Sources), trackSteps: false);

        var next = GeneratorHarness.Compile(Sources);
        var (analysed, generated) = Work(() => GeneratorHarness.Run(next, trackSteps: false));
        Assert.Empty(analysed);
        Assert.Empty(generated);

        var kept = GeneratorHarness.Run(GeneratorHarness.Compile(Sources), trackSteps: false);
        Assert.Equal(Fresh(Sources).Files, Files(kept));
    }

    [Fact]
    public void The_analyzer_takes_the_generators_analyses_and_reports_what_a_fresh_analyzer_reports()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(Sources), trackSteps: false);

        // The analyzer alone, as a build runs it (not through the harness, which may compare with a cold run in the same flow).
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        var (analysed, _) = Work(() => diagnostics = run.Output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NetGen.Generator.Analyzer.NetGenAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());

        // The hand-written forward's model is parsed by the analyzer itself, and reads the same, so it is no exception.
        Assert.Empty(analysed);
        Assert.Contains(diagnostics, d => d.Id.StartsWith("NG01", StringComparison.Ordinal) && d.GetMessage().Contains("out_", StringComparison.Ordinal));
        Assert.Empty(ColdAnalysis.Differences(run.Output, diagnostics));
    }

    [Fact]
    public void The_next_build_after_an_edit_to_a_block_analyses_and_emits_only_the_block_and_its_user_again()
    {
        GeneratorHarness.Run(GeneratorHarness.Compile(Sources), trackSteps: false);
        // The block keeps its output's shape, so its user's own text stays as it was: only its catalog changes.
        string[] edited = [Block.Replace("Conv2d(\"c\", 16, 3, Padding = 1)", "Conv2d(\"c\", 16, 5, Padding = 2)", StringComparison.Ordinal), User, Mismatched, HandWritten];

        GeneratorRun? run = null;
        var (analysed, generated) = Work(() => run = GeneratorHarness.Run(GeneratorHarness.Compile(edited), trackSteps: false));

        Assert.Equal(["Blk", "Uses"], analysed);
        Assert.Equal(["Blk", "Uses"], generated);
        Assert.Equal(Fresh(edited).Files, Files(run!));
        Assert.Empty(run!.CompilationErrors);
    }

    [Fact]
    public void A_generation_full_of_results_makes_room_and_keeps_what_was_used_last()
    {
        var computed = new List<string>();
        var results = new RecentResults<string, string>(capacity: 2);
        string Get(string key) => results.GetOrAdd(key, k =>
        {
            computed.Add(k);
            return k.ToUpperInvariant();
        });

        Assert.Equal(["A", "B", "C", "A"], new[] { Get("a"), Get("b"), Get("c"), Get("a") });
        Assert.Equal(["a", "b", "c"], computed);

        // "c" and "a" fill the current generation, so "d" starts a new one; "b", two generations old, is gone.
        Get("d");
        Get("b");
        Assert.Equal(["a", "b", "c", "d", "b"], computed);
    }

    [Fact]
    public void Nothing_is_kept_or_taken_inside_a_scope_that_keeps_nothing_and_only_in_its_own_flow()
    {
        var computed = 0;
        var results = new RecentResults<int, int>(capacity: 8);
        int Get(int key) => results.GetOrAdd(key, k =>
        {
            computed++;
            return k;
        });

        Get(1);
        using (NothingKept.Scope())
        {
            Get(1);
            Get(1);
        }

        Get(1);
        Assert.Equal(3, computed);
    }

    /// <summary>The models analysed and the files generated (by model name) while <paramref name="run"/> ran, of this class's namespace only.</summary>
    private static (List<string> Analysed, List<string> Generated) Work(Action run)
    {
        var analysed = new List<string>();
        var generated = new List<string>();
        void OnAnalysed(ModelSpec model)
        {
            if (model.FullyQualifiedName.Contains("Rebuilt.", StringComparison.Ordinal))
            {
                lock (analysed)
                {
                    analysed.Add(model.Name);
                }
            }
        }

        void OnGenerating(string hintName)
        {
            if (hintName.StartsWith("Rebuilt.", StringComparison.Ordinal))
            {
                lock (generated)
                {
                    generated.Add(hintName.Split('.')[1]);
                }
            }
        }

        ModelAnalysis.Analysed += OnAnalysed;
        NetGenGenerator.Generating += OnGenerating;
        try
        {
            run();
        }
        finally
        {
            ModelAnalysis.Analysed -= OnAnalysed;
            NetGenGenerator.Generating -= OnGenerating;
        }

        return (analysed.Order(StringComparer.Ordinal).ToList(), generated.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>A build that keeps nothing: every model parsed, analysed and emitted afresh.</summary>
    private static (List<string> Files, GeneratorRun Run) Fresh(string[] sources)
    {
        using var fresh = NothingKept.Scope();
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(sources), trackSteps: false);
        return (Files(run), run);
    }

    private static List<string> Files(GeneratorRun run) =>
        run.GeneratedSources.Select(s => s.HintName + "\n" + s.Text).Order(StringComparer.Ordinal).ToList();
}
