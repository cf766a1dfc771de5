using System.Linq;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Robustness;

/// <summary>Declarations the random robustness test found mishandled, each pinned by a focused test.</summary>
public sealed class GeneratorRegressionTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    private static void AssertCompilesCleanly(string source)
    {
        var run = GeneratorHarness.Run(Usings + source);
        var problems = run.GeneratorDiagnostics.Concat(run.CompilationErrors).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void AssertReported(string id, string source)
    {
        var run = GeneratorHarness.Run(Usings + source);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == id);
    }

    [Fact]
    public void A_generic_model_compiles() => AssertCompilesCleanly("""
        [Model]
        public partial class Box<T> : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 3)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public void A_convolution_with_padding_zero_compiles() => AssertCompilesCleanly("""
        [Model]
        public partial class Pad : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 3, Padding = 0)] public partial Conv2d conv { get; }
        }
        """);

    [Theory]
    [InlineData("Conv2d(3, 8, 3.5)")]
    [InlineData("Linear(4, 8.0)")]
    [InlineData("Conv2d(3, 8, 3, Padding = 0.5)")]
    public void A_number_where_a_size_is_expected_is_reported(string layer) => AssertReported("NG0006", $$"""
        [Model]
        public partial class Odd : nn.Module<Tensor, Tensor>
        {
            [{{layer}}] public partial Sequential body { get; }
        }
        """);

    [Theory]
    [InlineData("flag")]
    [InlineData("rate")]
    public void A_parameter_that_is_not_an_int_cannot_be_a_size(string parameter) => AssertReported("NG0006", $$"""
        [Model]
        public partial class Odd : nn.Module<Tensor, Tensor>
        {
            public partial Odd(bool flag, double rate);

            [Conv2d(3, "{{parameter}}", 3)] public partial Conv2d conv { get; }
        }
        """);
}
