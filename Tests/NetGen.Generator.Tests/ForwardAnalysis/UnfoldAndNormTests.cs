using System.Globalization;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.ForwardAnalysis;

/// <summary>
/// <c>x.unfold(dimension, size, step)</c> (patch extraction) and <c>norm</c>, <c>linalg.norm</c> and
/// <c>linalg.vector_norm</c> (reductions) in a hand-written forward.
/// Both were named boundaries, after which an omitted size was NG0109; each now gives its shape, and unfold's mistakes
/// are errors on the call, with PyTorch's words. The sizes are PyTorch 1.13's, and the runtime's
/// <c>PatchNorm</c> test runs the same operations in TorchSharp.
/// </summary>
public sealed class UnfoldAndNormTests
{
    private static GeneratorRun Flattened(string expression) => GeneratorHarness.Run(ForwardExamples.Usings + $$"""
        [Model(Input = [1, 8, 8])]
        public partial class Patches : nn.Module<Tensor, Tensor>
        {
            public partial Patches(int classes = 3);
            [Linear("classes")] public partial Linear head { get; }
            public override Tensor forward(Tensor x) => head.call(({{expression}}).flatten(1));
        }
        """);

    /// <summary>The forward is followed through <paramref name="expression"/> without a note, and the head takes its <paramref name="features"/>.</summary>
    private static void AssertFollowedTo(string expression, int features)
    {
        var run = Flattened(expression);

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity > DiagnosticSeverity.Info || d.Id is "NG0100" or "NG0110");
        Assert.Contains($"nn.Linear({features}, @classes)", run.Generated("Patches.g.cs"));
    }

    [Theory]
    [InlineData("x.unfold(2, 4, 4)", 1 * 2 * 8 * 4)]                   // [N, 1, 2, 8, 4]
    [InlineData("x.unfold(3, 3, 2)", 1 * 8 * 3 * 3)]                   // (8 − 3) / 2 + 1 = 3 windows
    [InlineData("x.unfold(-1, 8, 1)", 1 * 8 * 1 * 8)]
    [InlineData("x.unfold(2, 2, 2).unfold(3, 4, 2)", 1 * 4 * 3 * 2 * 4)]  // [N, 1, 4, 3, 2, 4]
    public void An_unfolded_tensor_has_the_windows_and_a_dimension_for_each(string expression, int features) =>
        AssertFollowedTo(expression, features);

    [Theory]
    [InlineData("x.unfold(2, 9, 1)", "unfold: maximum size for tensor at dimension 2 is 8 but size is 9 ([N, 1, 8, 8])")]
    [InlineData("x.unfold(2, 3, 0)", "unfold: step is 0 but must be > 0")]
    [InlineData("x.unfold(4, 2, 1)", "unfold: dimension out of range (expected to be in range of [-4, 3], but got 4)")]
    [InlineData("x.norm(4)", "norm: dimension out of range (expected to be in range of [-4, 3], but got 4)")]
    public void A_mistake_is_an_error_on_the_call(string expression, string message)
    {
        var run = Flattened(expression);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0108", error.Id);
        Assert.StartsWith("x.", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains(message, error.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("x / x.norm(1, true)", 64)]         // keepdim: [N, 1, 8, 8] broadcasts back
    [InlineData("x.norm(2)", 8)]                    // [N, 1, 8]
    [InlineData("norm(x, 3, false, 2)", 8)]         // torch.norm(input, dimension, keepdim, p)
    [InlineData("x * x.norm()", 64)]                // over everything: a 0-d tensor
    [InlineData("x / linalg.vector_norm(x, dims: new long[] { -1 }, keepdim: true)", 64)]
    [InlineData("linalg.vector_norm(x, dims: new long[] { 2, 3 })", 1)]      // [N, 1]
    [InlineData("linalg.norm(x, \"fro\", new long[] { -2, -1 }, true)", 1)]  // [N, 1, 1, 1]
    public void A_norm_reduces_like_sum(string expression, int features) => AssertFollowedTo(expression, features);

    [Fact]
    public void A_linalg_operation_NetGen_does_not_model_is_named_with_its_namespace()
    {
        var run = Flattened("linalg.det(x)");

        Assert.Contains("torch.linalg.det is not modelled", Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Im2col_is_a_named_boundary()
    {
        var run = Flattened("nn.functional.unfold(x, 2)");

        Assert.Contains("torch.nn.functional.unfold (im2col) is not modelled",
            Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "NG0109");
    }
}
