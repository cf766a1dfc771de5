using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Analysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.ForwardAnalysis;

/// <summary>
/// Issue 13: a mistake in a hand-written forward is an NG error on the expression that makes it, with the chain of
/// shapes that leads there; an unmodelled call stops checking without an error, and NG0110 says where. Each case is an
/// example of docs/forward-analysis.md, which quotes the message word for word (checked here too).
/// </summary>
public sealed class ForwardDiagnosticTests
{
    [Theory]
    [InlineData(nameof(ForwardExamples.CatDim), "NG0101", "dec.call(joined)", "dec expects 16 input channels but receives 8; N×1×16×16 →enc→ N×8×16×16 →pool→ N×8×8×8 →up→ N×8×16×16 →cat dim 2→ N×8×32×16")]
    [InlineData(nameof(ForwardExamples.ChunkDim), "NG0101", "branch.call(halves[1])", "branch.0 expects 8 input channels but receives 16; N×16×8×8 →chunk[1]→ N×16×4×8")]
    [InlineData(nameof(ForwardExamples.ViewSize), "NG0108", "y.view(n, 3, c / 2, h, w)", "view: shape [N, 3, 8, 6, 6] is invalid for input of size 576·N ([N, 16, 6, 6])")]
    [InlineData(nameof(ForwardExamples.DroppedFlatten), "NG0102", "fc.call(features.call(x))", "fc: Linear in_features 16 ≠ 1")]
    [InlineData(nameof(ForwardExamples.TransposePair), "NG0102", "mlp.call(embed.call(x).flatten(2).transpose(0, 1))", "→transpose 0,1→ 32×N×16")]
    [InlineData(nameof(ForwardExamples.SwappedMember), "NG0101", "b.call(x)", "b expects 8 input channels but receives 3; N×3×8×8")]
    [InlineData(nameof(ForwardExamples.Add), "NG0105", "conv.call(x) + x", "add: the size of tensor a (16) must match the size of tensor b (8) at non-singleton dimension 1")]
    [InlineData(nameof(ForwardExamples.MatMul), "NG0108", "q.call(x).matmul(k.call(x))", "matmul: shapes [N, 5, 8] and [N, 5, 8] cannot be multiplied (8 ≠ 5)")]
    [InlineData(nameof(ForwardExamples.Index), "NG0108", "x[.., 5]", "index: index 5 is out of bounds for dimension 1 with size 5 ([N, 5, 16])")]
    [InlineData(nameof(ForwardExamples.NegativeExpand), "NG0108", "cls.expand(tokens.shape[0], -1, -2)", "expand: the expanded size -2 at dimension 2 is negative (only -1, which keeps the existing size, may be)")]
    public void A_mistake_in_the_forward_is_an_error_on_its_expression_with_the_chain(string example, string id, string at, string message)
    {
        var run = Run(example);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(id, error.Id);
        Assert.Equal(at, error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains(message, error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(error.GetMessage(), Page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forward_that_fits_one_batch_size_is_a_warning_on_its_expression_with_the_chain_at_the_probe_batch()
    {
        var run = Run(nameof(ForwardExamples.BatchSize));

        // view(c, 2, c / 2, h, w) of an N×16×6×6 tensor holds for N = 16 only: a warning, never an error, since one
        // batch size fits (the harness builds with warnings as errors, so the descriptor's own severity is what counts).
        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("NG0113", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.DefaultSeverity);
        Assert.Equal("y.view(c, 2, c / 2, h, w)", warning.Location.SourceTree!.GetText().ToString(warning.Location.SourceSpan));
        Assert.Contains("with a batch of 9,973, view: shape [16, 2, 8, 6, 6] is invalid for input of size 5744448", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(warning.GetMessage(), Page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_view_with_the_batch_in_its_place_gets_no_warning()
    {
        var source = ForwardExamples.Usings + ForwardExamples.BatchSize.Replace("y.view(c, 2,", "y.view(n, 2,", StringComparison.Ordinal);

        Assert.Empty(GeneratorHarness.Run(source).GeneratorDiagnostics);
    }

    [Fact]
    public void A_tensor_of_size_0_joins_a_cat_and_the_mistake_after_it_is_an_error()
    {
        var run = Run(nameof(ForwardExamples.EmptyToken));

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0105", error.Id);
        Assert.Equal("cat(new[] { token, tokens }, 1) + pos", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains("add: the size of tensor a (4) must match the size of tensor b (5) at non-singleton dimension 1", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(error.GetMessage(), Page, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unmodelled_call_stops_checking_without_an_error_and_NG0110_says_where()
    {
        var run = Run(nameof(ForwardExamples.Unmodelled));

        // The head takes 99 features and gets 8·6·6 = 288: NetGen cannot know, because Reshaping.Twist is not followed; no NG error.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id != "NG0110" && d.Severity == DiagnosticSeverity.Error);
        var boundary = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110");
        Assert.Contains("Custom (hand-written forward, line 10: a call of Reshaping.Twist)", boundary.GetMessage(), StringComparison.Ordinal);
        var note = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0100");
        Assert.Contains("head: the input's rank is unknown; in_features not checked", note.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(boundary.GetMessage(), Page, StringComparison.Ordinal);
        Assert.Contains(note.GetMessage(), Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_input_shape_only_the_members_are_checked_and_NG0100_says_so()
    {
        var run = Run(nameof(ForwardExamples.NoInput));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var note = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0100");
        Assert.Contains("'Open' declares no input shape; add [Model(Input = [...])] to check its forward", note.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(note.GetMessage(), Page, StringComparison.Ordinal);
    }

    /// <summary>Every example compiles as C#: what NetGen reports is about shapes, never a broken example.</summary>
    [Fact]
    public void Every_example_is_valid_csharp()
    {
        Assert.All(ForwardExamples.All, e => Assert.Empty(GeneratorHarness.Run(ForwardExamples.Usings + e.Source).CompilationErrors));
    }

    /// <summary>The page lists every operation NetGen models, and names none it does not.</summary>
    [Fact]
    public void The_page_lists_every_modelled_operation()
    {
        var listed = Page.Split('\n')
            .SkipWhile(l => !l.StartsWith("## Modelled operations", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .SelectMany(l => l.Split('`').Where((_, i) => i % 2 == 1))
            .Where(name => name.All(c => char.IsLetterOrDigit(c) || c is '_' or '.'))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(ForwardOps.Names, name => Assert.True(listed.Contains(name), $"docs/forward-analysis.md does not list {name}"));
        Assert.All(listed, name => Assert.True(ForwardOps.Names.Contains(name) || name is "call" or "forward", $"docs/forward-analysis.md lists {name}, which is not modelled"));
    }

    private static GeneratorRun Run(string example) =>
        GeneratorHarness.Run(ForwardExamples.Usings + ForwardExamples.All.Single(e => e.Name == example).Source);

    private static readonly string Page = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "forward-analysis.md")).Replace("\r\n", "\n");

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NetGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NetGen.sln not found above " + AppContext.BaseDirectory);
    }
}
