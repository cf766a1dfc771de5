using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.ForwardAnalysis;

/// <summary>
/// <c>torch.einsum</c> in a hand-written forward, as attention code writes it. Before 2026-12-03 it was not modelled: a
/// boundary, after which an omitted size was NG0109.
/// </summary>
public sealed class EinsumTests
{
    private static GeneratorRun Attend(string scores, string mixed, int keyWidth = 8) => GeneratorHarness.Run(ForwardExamples.Usings + $$"""
        using TorchSharp;

        [Model(Input = [5, 16])]
        public partial class Attend : nn.Module<Tensor, Tensor>
        {
            public partial Attend(int classes = 3);
            [Linear(16, 8)] public partial Linear q { get; }
            [Linear(16, {{keyWidth}})] public partial Linear k { get; }
            [Linear(16, 12)] public partial Linear v { get; }
            [Linear("classes")] public partial Linear head { get; }
            public override Tensor forward(Tensor x)
            {
                var scores = {{scores}};
                var mixed = {{mixed}};
                return head.call(mixed.mean(new long[] { 1 }));
            }
        }
        """);

    [Theory]
    [InlineData("torch.einsum(\"bid,bjd->bij\", q.call(x), k.call(x)).softmax(-1)", "torch.einsum(\"bij,bjd->bid\", scores, v.call(x))")]
    [InlineData("torch.einsum(\"b i d , b j d -> b i j\", q.call(x), k.call(x))", "torch.einsum(\"bij,bjd->bid\", scores, v.call(x))")]
    [InlineData("torch.einsum(\"bid,bjd->bij\", q.call(x), k.call(x))", "torch.einsum(\"bij,bjd->bid\", scores, v.call(x).mean(new long[] { 0 }, keepdim: true))")] // 1 broadcasts
    public void The_output_has_the_sizes_of_its_letters(string scores, string mixed)
    {
        var run = Attend(scores, mixed);

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity > DiagnosticSeverity.Info || d.Id is "NG0100" or "NG0110");
        Assert.Contains("nn.Linear(12, @classes)", run.Generated("Attend.g.cs"));
    }

    [Fact]
    public void Without_an_arrow_the_output_is_the_letters_seen_once_in_alphabetical_order()
    {
        // j labels 5 query rows, i 3 key rows: "jd,id" means "jd,id->ij", [3, 5], so the head takes 5 (in written order it would be 3).
        var run = Attend("torch.einsum(\"jd,id\", q.call(x)[0], k.call(x)[0].narrow(0, 0, 3))", "scores.unsqueeze(0)");

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity > DiagnosticSeverity.Info || d.Id == "NG0110");  // NG0100 only for v, not called
        Assert.Contains("nn.Linear(5, @classes)", run.Generated("Attend.g.cs"));
    }

    [Theory]
    [InlineData(6, "torch.einsum(\"bid,bjd->bij\", q.call(x), k.call(x))", "einsum: subscript d has size 6 for operand 1 ([N, 5, 6]) which does not broadcast with previously seen size 8")]
    [InlineData(8, "torch.einsum(\"id,jd->ij\", q.call(x), k.call(x))", "einsum: the number of subscripts in the equation (2) does not match the number of dimensions (3) for operand 0 ([N, 5, 8]) and no ellipsis was given")]
    [InlineData(8, "torch.einsum(\"bid,bjd->bik\", q.call(x), k.call(x))", "einsum: output subscript k does not appear in the equation for any input operand")]
    [InlineData(8, "torch.einsum(\"bid,bjd,bkd->bij\", q.call(x), k.call(x))", "einsum: the equation \"bid,bjd,bkd->bij\" has 3 operands but 2 tensors were given")]
    public void A_mistake_is_an_error_on_the_call(int keyWidth, string scores, string message)
    {
        var run = Attend(scores, "torch.einsum(\"bij,bjd->bid\", scores, v.call(x))", keyWidth);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0108", error.Id);
        Assert.StartsWith("torch.einsum(", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains(message, error.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_ellipsis_is_not_followed_and_is_the_boundary()
    {
        var run = Attend("torch.einsum(\"...id,...jd->...ij\", q.call(x), k.call(x))", "torch.einsum(\"bij,bjd->bid\", scores, v.call(x))");

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is not ("NG0109" or "NG0110") && d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("line 17: torch.einsum(\"...id,...jd->...ij\") is not modelled (an ellipsis, or an implicit output of mixed-case subscripts)",
            Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture));
    }
}
