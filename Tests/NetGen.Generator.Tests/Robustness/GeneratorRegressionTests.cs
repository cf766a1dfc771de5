using System.Linq;
using Microsoft.CodeAnalysis;
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
        var problems = run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).Concat(run.CompilationErrors).Select(d => d.ToString()).ToList();
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

    [Fact]
    public void A_When_member_that_is_not_nullable_is_reported() => AssertReported("NG0004", """
        [Model]
        public partial class Maybe : nn.Module<Tensor, Tensor>
        {
            public partial Maybe(bool extra);

            [When("extra"), ReLU] public partial Sequential act { get; }
        }
        """);

    private const string Unit = """
        [Model]
        public partial class Unit : nn.Module<Tensor, Tensor>
        {
            public partial Unit(int inChannels, int outChannels, int stride = 1);

            [Conv2d("inChannels", "outChannels", 3, Stride = "stride")] public partial Conv2d conv { get; }
        }

        """;

    [Theory]
    [InlineData("[Block] public partial Unit b { get; }")]
    [InlineData("[Block(3)] public partial Unit b { get; }")]
    [InlineData("[Block(3, 8, 1, 1)] public partial Unit b { get; }")]
    [InlineData("[Block(3, 3.5)] public partial Unit b { get; }")]
    [InlineData("[Block(3, true)] public partial Unit b { get; }")]
    [InlineData("[Repeat<Unit>(2, Rest = [8, 8])] public partial Sequential s { get; }")]
    [InlineData("[Repeat<Unit>(2, First = [3, 8], Rest = [8, 8.5])] public partial Sequential s { get; }")]
    public void Block_arguments_that_fit_no_constructor_are_reported(string member) => AssertReported("NG0006", Unit + $$"""
        [Model]
        public partial class Outer : nn.Module<Tensor, Tensor>
        {
            {{member}}
        }
        """);

    [Fact]
    public void Block_arguments_that_fit_compile() => AssertCompilesCleanly(Unit + """
        [Model]
        public partial class Outer : nn.Module<Tensor, Tensor>
        {
            public partial Outer(int width);

            [Block(3, "width")] public partial Unit b { get; }
            [Repeat<Unit>(2, First = ["width", 8, 2], Rest = [8, 8])] public partial Sequential s { get; }
        }
        """);

    [Fact]
    public void A_member_declared_twice_is_reported() => AssertReported("NG0011", """
        [Model]
        public partial class Twice : nn.Module<Tensor, Tensor>
        {
            [ReLU] public partial ReLU act { get; }
            [Sigmoid] public partial Sigmoid act { get; }
        }
        """);

    /// <summary>Generated fields start with "__", so a member that does too is refused instead of colliding (CS0102).</summary>
    [Fact]
    public void A_member_named_like_another_members_backing_field_is_reported() => AssertReported("NG0011", """
        [Model]
        public partial class Fields : nn.Module<Tensor, Tensor>
        {
            [ReLU] public partial ReLU body { get; }
            [Sigmoid] public partial Sigmoid __body { get; }
        }
        """);
}
