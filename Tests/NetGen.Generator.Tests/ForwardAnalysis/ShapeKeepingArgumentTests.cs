using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.ForwardAnalysis;

/// <summary>
/// A shape-keeping operation's other arguments cannot change the shape it gives: <c>x.to(float64)</c>, <c>x.to(device)</c>,
/// <c>F.dropout(x, p, training)</c>. NetGen does not model a dtype, a device or the training flag, but that stops no
/// checking, so it is no boundary (no NG0110), and a mistake after it is still found.
/// </summary>
public sealed class ShapeKeepingArgumentTests
{
    private static string Net(string step, int features = 256) => $$"""
        using NetGen;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Demo;

        [Model(Input = [1, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            private static readonly Device Where = CPU;
            [Conv2d(1, 4, 3, Padding = 1)] public partial Conv2d conv { get; }
            [Linear({{features}}, 10)] public partial Linear fc { get; }

            public override Tensor forward(Tensor x)
            {
                var y = conv.call(x);
                y = {{step}};
                return fc.call(y.flatten(1));
            }
        }
        """;

    [Theory]
    [InlineData("y.to(float64)")]
    [InlineData("y.to(Where)")]
    [InlineData("y.to(x)")]
    [InlineData("nn.functional.dropout(y, 0.2, training)")]
    [InlineData("y.clamp(Where.index, 6)")]
    [InlineData("y.roll(1, 2)")]
    [InlineData("torch.roll(y, new long[] { 1, -1 }, new long[] { 2, 3 })")]
    [InlineData("y.flip(new long[] { 3 })")]
    [InlineData("torch.tril(y, 0).triu(-1)")]
    [InlineData("y.type_as(x)")]
    [InlineData("y.masked_fill(y.isnan().logical_not(), 0)")]
    public void An_unmodelled_argument_of_a_shape_keeping_operation_is_no_boundary(string step)
    {
        var run = GeneratorHarness.Run(Net(step));

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info || d.Id == "NG0100"));
    }

    [Theory]
    [InlineData("y.to(float64)")]
    [InlineData("nn.functional.dropout(y, 0.2, training)")]
    public void A_mistake_after_it_is_still_an_error(string step)
    {
        var run = GeneratorHarness.Run(Net(step, features: 200));

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0102", error.Id);
        Assert.Contains("in_features 200 ≠ flattened 256", error.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// TorchSharp takes a Scalar where PyTorch takes a number, so <c>y.add(1)</c> passes 1 through an implicit conversion.
    /// Before 2026-12-03 that conversion was an unmodelled expression: a boundary, and the shape after it unknown.
    /// </summary>
    [Theory]
    [InlineData("y.add(1)")]
    [InlineData("y.add_(1)")]
    [InlineData("y.mul(2.0).pow(2)")]
    [InlineData("y.masked_fill(y < 0, 0)")]
    [InlineData("torch.where(y > 0, y, torch.zeros_like(y))")]
    public void A_number_where_TorchSharp_takes_a_Scalar_is_that_number(string step)
    {
        AssertCheckedThrough(step);
    }

    /// <summary>
    /// A number NetGen cannot compute (a call of <c>Math.Sqrt</c>, a helper's result) scales a tensor without changing its
    /// shape. Before 2026-12-03 it was a boundary: attention's <c>scores * (1.0 / Math.Sqrt(d))</c> stopped checking.
    /// </summary>
    [Theory]
    [InlineData("y * (1.0 / System.Math.Sqrt(8))")]
    [InlineData("y.mul(System.Math.Sqrt(2)).add(System.Math.PI * Where.index)")]
    [InlineData("System.Math.Max(1, Where.index) - y")]
    public void A_number_of_unknown_value_broadcast_with_a_tensor_is_no_boundary(string step)
    {
        AssertCheckedThrough(step);
    }

    /// <summary>After a mistake the shape is unknown, and a number of unknown value that scales it is not named as the boundary.</summary>
    [Fact]
    public void A_number_scaling_a_tensor_a_mistake_left_unknown_is_no_boundary()
    {
        var run = GeneratorHarness.Run(Net("y.transpose(1, 9) * System.Math.Sqrt(2)"));

        Assert.Equal("NG0108", Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error).Id);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "NG0110" || d.GetMessage(CultureInfo.InvariantCulture).Contains("Math.Sqrt"));
    }

    /// <summary>
    /// <c>train()</c> and <c>eval()</c> set <c>training</c> at run time: a branch on it is followed both ways, as a branch on
    /// any flag NetGen cannot decide, and checking goes on after it. Not a boundary; NG0100 says that a failure inside
    /// either way is not reported. (Before 2026-12-03, "the property training" was an NG0110 boundary.)
    /// </summary>
    [Fact]
    public void A_branch_on_the_training_flag_is_followed_both_ways()
    {
        const string step = "training ? nn.functional.dropout(y, 0.2) : y";
        var run = GeneratorHarness.Run(Net(step));
        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity > DiagnosticSeverity.Info || d.Id == "NG0110");
        Assert.Contains("line 18: whether the model is training is known only at run time, so both ways are followed and a failure inside either is not reported",
            Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0100").GetMessage(CultureInfo.InvariantCulture));
        // The summary's note says the same, and not that NetGen stopped following the forward there.
        var generated = run.Generated("Demo.Net.g.cs");
        Assert.Contains("Not all of it is checked: line 18: whether the model is training is known only at run time", generated);
        Assert.DoesNotContain("stops following it", generated);

        var mistake = GeneratorHarness.Run(Net(step, features: 200));
        Assert.Contains("in_features 200 ≠ flattened 256", Assert.Single(mistake.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error).GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>The step is no boundary, and a mistake after it is still an error.</summary>
    private static void AssertCheckedThrough(string step)
    {
        var run = GeneratorHarness.Run(Net(step));
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info || d.Id == "NG0100"));

        var mistake = GeneratorHarness.Run(Net(step, features: 200));
        Assert.Contains("in_features 200 ≠ flattened 256", Assert.Single(mistake.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error).GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// After a module NetGen cannot see into, the tensor's shape is unknown, and that module is the boundary; the
    /// dtype of a conversion after it is not a second one.
    /// </summary>
    [Theory]
    [InlineData("opaque.call(y).to(float64)")]
    [InlineData("opaque.call(y).to(float64).to(float32)")]
    [InlineData("nn.functional.dropout(opaque.call(y).to(Where), 0.2, training)")]
    public void After_an_unknown_module_only_the_module_is_the_boundary(string step)
    {
        var run = GeneratorHarness.Run(Net(step).Replace(
            "private static readonly Device Where = CPU;",
            "private static readonly Device Where = CPU; private readonly nn.Module<Tensor, Tensor> opaque = Opaque.Make();", System.StringComparison.Ordinal),
            """
            using static TorchSharp.torch;

            namespace Demo;

            public static class Opaque
            {
                public static nn.Module<Tensor, Tensor> Make() => nn.Identity();
            }
            """);

        Assert.Empty(run.CompilationErrors);
        var boundary = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("Net (opaque: ", boundary);
        Assert.DoesNotContain("float", boundary);
        Assert.DoesNotContain("Where", boundary);
    }

    /// <summary>An unknown argument that sizes the result still stops checking, and says so.</summary>
    [Fact]
    public void An_unknown_size_is_still_a_boundary()
    {
        var run = GeneratorHarness.Run(Net("y.view(-1, (int)Where.index * 0 + 64)"));

        Assert.Empty(run.CompilationErrors);
        Assert.Contains("line 18: the property Device.index", Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture));
    }
}
