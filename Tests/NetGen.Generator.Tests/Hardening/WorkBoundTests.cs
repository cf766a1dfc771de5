using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Hardening;

/// <summary>
/// The bounds NetGen keeps on its own work whatever a declaration says: blocks followed at most
/// <see cref="ShapeWalker.MaxNesting"/> levels deep (a chain of distinct blocks recursed once per level and
/// overflowed the stack, like the cycles of issue 15, case 1) and at most <see cref="ShapeWalker.MaxSteps"/>
/// layers and blocks in all (blocks that use many blocks multiply), both NG0020.
/// </summary>
public sealed class WorkBoundTests
{
    /// <summary>D0 holds D1 holds D2 … holds D<paramref name="depth"/>, which holds a layer.</summary>
    private static string Chain(int depth)
    {
        var source = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            source.Append($"[Model(Input = [4])] public partial class D{i} : nn.Module<Tensor, Tensor> {{ [Block] public partial D{i + 1} next {{ get; }} }}\n");
        }

        source.Append($"[Model(Input = [4])] public partial class D{depth} : nn.Module<Tensor, Tensor> {{ [Linear(4, 4)] public partial Linear fc {{ get; }} }}\n");
        return source.ToString();
    }

    [Fact]
    public void A_chain_one_level_deeper_than_the_bound_is_refused_on_the_first_link_and_the_stubs_compile()
    {
        var depth = ShapeWalker.MaxNesting + 1;
        var run = Declarations.Run(Chain(depth));

        Assert.Empty(Declarations.Crashes(run));
        Assert.Empty(run.CompilationErrors);
        // Only D0's chain passes the bound; every shorter one (D1's onwards) is checked to its end.
        var error = Assert.Single(Declarations.NgErrors(run));
        Assert.Equal(("NG0020", "next"), (error.Id, Declarations.SpanText(error)));
        Assert.Contains($"more than {depth - 1} levels deep (D0 → D1 → D2 → … → D{depth - 2} → D{depth - 1} → D{depth})", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_chain_at_the_bound_is_accepted()
    {
        Declarations.AssertAccepted(Declarations.Run(Chain(ShapeWalker.MaxNesting)));
    }

    /// <summary>
    /// A chain of 2,000 blocks, analysed on a thread with a 1 MB stack (.NET gives its threads 1.5 MB on Linux).
    /// Before the bound the walk recursed once per level, a few KB each, and overflowed the stack, which no catch
    /// survives; now it stops after <see cref="ShapeWalker.MaxNesting"/> levels.
    /// </summary>
    [Fact]
    public void A_chain_of_two_thousand_blocks_is_analysed_within_a_small_stack()
    {
        const int depth = 2_000;
        var compilation = GeneratorHarness.Compile(Declarations.Usings + Chain(depth));
        var tree = compilation.SyntaxTrees.Single();
        var semantic = compilation.GetSemanticModel(tree);
        var models = new Dictionary<string, ModelSpec>();
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
        {
            var type = (INamedTypeSymbol)semantic.GetDeclaredSymbol(declaration)!;
            var model = NetGen.Generator.ModelAnalysis.Parse(type, declaration, compilation, CancellationToken.None).Model!;
            models[model.FullyQualifiedName] = model;
        }

        var top = models["global::D0"];
        AnalyzedModel? analyzed = null;
        var thread = new Thread(() => analyzed = NetGen.Generator.ModelAnalysis.Run(top, Dependencies.Closure(top, n => models.TryGetValue(n, out var m) ? m : null)), 1024 * 1024);
        thread.Start();
        thread.Join();

        var diagnostic = Assert.Single(analyzed!.Diagnostics, d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
        Assert.Equal("NG0020", diagnostic.Descriptor.Id);
        Assert.True(analyzed.BlocksGeneration);
    }

    [Fact]
    public void Blocks_that_use_many_blocks_stop_at_the_step_bound_with_an_error_and_a_stub()
    {
        // Ten uses of the next model at each of four levels: 10^4 blocks at the bottom, more than the walk follows.
        var source = new StringBuilder();
        for (var level = 0; level < 4; level++)
        {
            source.Append($"[Model(Input = [4])] public partial class F{level} : nn.Module<Tensor, Tensor> {{ ");
            for (var use = 0; use < 10; use++)
            {
                source.Append($"[Block] public partial F{level + 1} b{use} {{ get; }} ");
            }

            source.Append("}\n");
        }

        source.Append("[Model(Input = [4])] public partial class F4 : nn.Module<Tensor, Tensor> { [Linear(4, 4)] public partial Linear fc { get; } }\n");
        var run = Declarations.Run(source.ToString());

        Assert.Empty(Declarations.Crashes(run));
        Assert.Empty(run.CompilationErrors);
        var errors = Declarations.NgErrors(run);
        // F0 walks 11,110 blocks and 10,000 layers, F1 1,110 and 1,000: only F0 passes the bound.
        var error = Assert.Single(errors);
        Assert.Equal("NG0020", error.Id);
        Assert.Contains($"passes {ShapeWalker.MaxSteps.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} layers and blocks", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("ModelSummary.Parse", Declarations.GeneratedText(run, "F0"));
        Assert.Contains("ModelSummary.Parse", Declarations.GeneratedText(run, "F1"));
    }
}
