using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.ForwardAnalysis;

/// <summary>
/// <c>F.pad</c> and <c>F.scaled_dot_product_attention</c> in a hand-written forward, found unmodelled by trying common
/// PyTorch idioms from outside: each was a boundary, after which an omitted size was NG0109. Now each gives its shape
/// (a size after it is inferred) and its mistakes are errors on the call.
/// </summary>
public sealed class PadAndAttentionTests
{
    private static GeneratorRun Padded(string pad) => GeneratorHarness.Run(ForwardExamples.Usings + $$"""
        [Model(Input = [1, 8, 8])]
        public partial class Padded : nn.Module<Tensor, Tensor>
        {
            public partial Padded(int classes = 3);
            [Conv2d(4, 3, Padding = 1)] public partial Conv2d conv { get; }
            [Linear("classes")] public partial Linear head { get; }
            public override Tensor forward(Tensor x) => head.call(nn.functional.pad(conv.call(x), {{pad}}).flatten(1));
        }
        """);

    [Theory]
    [InlineData("new long[] { 1, 1, 2, 2 }", 4 * 12 * 10)]   // the last dimension's pair first: W 8+2, H 8+4
    [InlineData("(1, 2)", 4 * 8 * 11)]
    [InlineData("(1, 1, 0, 0)", 4 * 8 * 10)]
    [InlineData("new long[] { -1, -1 }", 4 * 8 * 6)]         // a negative padding crops
    [InlineData("new long[] { 0, 0, 0, 0, 1, 1 }", 6 * 8 * 8)] // three pairs reach the channels
    public void A_padded_tensor_has_each_pair_added_to_its_dimension(string pad, int features)
    {
        var run = Padded(pad);

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity > DiagnosticSeverity.Info || d.Id is "NG0100" or "NG0110");
        Assert.Contains($"nn.Linear({features}, @classes)", run.Generated("Padded.g.cs"));
    }

    [Theory]
    [InlineData("new long[] { 1, 1, 2 }", "pad: Padding length must be divisible by 2, got 3 values")]
    [InlineData("new long[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }", "pad: Padding length should be less than or equal to two times the input dimension but got padding length 10 and input of dimension 4")]
    [InlineData("new long[] { -5, -5 }", "pad: the input size 8, plus negative padding -5 and -5 resulted in a negative output size -2")]
    public void A_padding_PyTorch_refuses_is_an_error_on_the_call(string pad, string message)
    {
        var run = Padded(pad);

        // The only error: the head's size, unknown after it, is left to it (ErrorCascadeTests).
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0108", error.Id);
        Assert.StartsWith("nn.functional.pad(", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains(message, error.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TorchSharps_one_size_form_is_a_named_boundary()
    {
        var run = Padded("1L");

        Assert.Empty(run.CompilationErrors);
        Assert.Contains("line 11: torch.nn.functional.pad with one size for every side is not modelled",
            Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture));
    }

    private static GeneratorRun Attention(int keyWidth) => GeneratorHarness.Run(ForwardExamples.Usings + $$"""
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
                var attended = nn.functional.scaled_dot_product_attention(q.call(x), k.call(x), v.call(x), is_casual: true);
                return head.call(attended.mean(new long[] { 1 }));
            }
        }
        """);

    [Fact]
    public void Attention_gives_the_query_shape_with_the_value_width()
    {
        var run = Attention(keyWidth: 8);

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity > DiagnosticSeverity.Info || d.Id is "NG0100" or "NG0110");
        Assert.Contains("nn.Linear(12, @classes)", run.Generated("Attend.g.cs"));
    }

    [Fact]
    public void Queries_and_keys_of_different_widths_are_an_error_on_the_call()
    {
        var run = Attention(keyWidth: 6);

        // The only error: the head's size, unknown after it, is left to it (ErrorCascadeTests).
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0108", error.Id);
        Assert.StartsWith("nn.functional.scaled_dot_product_attention(", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains("scaled_dot_product_attention: shapes [N, 5, 8] and [N, 6, 5] cannot be multiplied (8 ≠ 6)", error.GetMessage(CultureInfo.InvariantCulture));
    }
}
