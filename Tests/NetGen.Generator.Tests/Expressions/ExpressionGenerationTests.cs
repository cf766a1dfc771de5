using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Expressions;

/// <summary>
/// Expressions in real compilations: the generated code computes them in C# (and compiles with nullable and
/// warnings as errors), and shape inference evaluates them, symbolically where a value is unknown.
/// </summary>
public sealed class ExpressionGenerationTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    private const string Bottleneck = Usings + """
        [Model(Input = ["inplanes", 56, 56])]
        [Residual(Shortcut = "downsample", Activation = Activation.ReLU)]
        public partial class Bottleneck : nn.Module<Tensor, Tensor>
        {
            public partial Bottleneck(int inplanes, int planes, int stride = 1);
            [Conv2d("inplanes", "planes", 1, Bias = false), BatchNorm2d("planes"), ReLU] public partial Sequential a { get; }
            [Conv2d("planes", "planes", 3, Stride = "stride", Padding = 1, Bias = false), BatchNorm2d("planes"), ReLU] public partial Sequential b { get; }
            [Conv2d("planes", "planes * 4", 1, Bias = false)] public partial Conv2d conv3 { get; }
            [BatchNorm2d(BN3)] public partial BatchNorm2d bn3 { get; }
            [When("stride != 1 || inplanes != planes * 4")]
            [Conv2d("inplanes", "planes * 4", 1, Stride = "stride", Bias = false), BatchNorm2d("planes * 4")]
            public partial Sequential? downsample { get; }
            private const string BN3 = "planes * 4";
        }
        """;

    [Fact]
    public void A_bottleneck_with_expressions_generates_code_that_computes_them_and_compiles_strictly()
    {
        var run = GeneratorHarness.Run(Bottleneck);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Bottleneck.g.cs");
        Assert.Contains("checked((@planes * 4))", code);
        Assert.Contains("if (checked(((@stride != 1) || (@inplanes != (@planes * 4)))))", code);
    }

    [Fact]
    public void Equal_formulas_over_unknown_parameters_match_so_the_bottleneck_is_checked_symbolically()
    {
        var run = GeneratorHarness.Run(Bottleneck);

        // No "shape unchecked" for bn3: planes * 4 channels arrive where planes * 4 are expected.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "NG0100" && d.GetMessage().Contains("bn3"));
    }

    [Fact]
    public void Unequal_formulas_are_not_reported_as_errors_when_they_may_be_equal()
    {
        // planes * 4 against planes * 2 + planes * 2 is equal for every planes, but the formulas differ: at most
        // unchecked, never an error (zero false positives).
        var source = Bottleneck.Replace("private const string BN3 = \"planes * 4\";", "private const string BN3 = \"planes * 2 + planes * 2\";");
        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "NG0100" && d.GetMessage().Contains("bn3"));
    }

    [Fact]
    public void A_formula_that_differs_at_a_known_value_is_a_channel_error_on_its_argument()
    {
        var source = Bottleneck.Replace("private const string BN3 = \"planes * 4\";", "private const string BN3 = \"planes * 2\";")
            .Replace("public partial Bottleneck(int inplanes, int planes, int stride = 1);", "public partial Bottleneck(int inplanes = 256, int planes = 64, int stride = 1);");
        var run = GeneratorHarness.Run(source);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0101");
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("256", message);
        Assert.Contains("128", message);
        Assert.Equal("BN3", source.Substring(error.Location.SourceSpan.Start, error.Location.SourceSpan.Length));
    }

    [Fact]
    public void A_parent_passing_a_formula_to_a_block_binds_it_through_the_block()
    {
        var run = GeneratorHarness.Run(Bottleneck + """

            [Model(Input = [256, 56, 56])]
            public partial class Stage : nn.Module<Tensor, Tensor>
            {
                public partial Stage(int width = 64);
                [Block("width * 4", "width")] public partial Bottleneck first { get; }
                [Block("width * 4", "width", 2)] public partial Bottleneck second { get; }
                [Conv2d("width * 4", 10, 1)] public partial Conv2d head { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        Assert.Contains("new global::Bottleneck(checked((@width * 4)), @width)", run.Generated("Stage.g.cs"));
    }

    [Fact]
    public void A_parent_passing_a_wrong_formula_to_a_block_is_reported()
    {
        var run = GeneratorHarness.Run(Bottleneck + """

            [Model(Input = [256, 56, 56])]
            public partial class Stage : nn.Module<Tensor, Tensor>
            {
                public partial Stage(int width = 64);
                [Block("width * 2", "width")] public partial Bottleneck first { get; }
            }
            """);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id is "NG0107" or "NG0101");
    }

    [Fact]
    public void Double_bool_and_enum_hyperparameters_are_stored_and_passed_through()
    {
        var run = GeneratorHarness.Run(Usings + """
            public enum Act { Relu, Gelu }

            [Model(Input = ["features"])]
            public partial class Head : nn.Module<Tensor, Tensor>
            {
                public partial Head(int features = 16, double p = 0.25, bool bias = true, Act act = Act.Gelu, double widthMult = 0.5);
                [Dropout("p")] public partial Dropout drop { get; }
                [Linear("features", "make_divisible(features * widthMult, 8)", Bias = "bias")] public partial Linear fc { get; }
                [Dropout("p * 2 > 1.0 ? 1.0 : p * 2")] public partial Dropout drop2 { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Head.g.cs");
        Assert.Contains("private readonly global::Act __p_act;", code);
        Assert.Contains("global::NetGen.ExpressionFunctions.MakeDivisible(", code);
    }

    [Fact]
    public void Constant_expressions_become_constants_and_edge_cases_still_compile_strictly()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = ["planes", 8, 8])]
            public partial class M : nn.Module<Tensor, Tensor>
            {
                public partial M(int planes = 8, long big = 3);
                [Conv2d("planes", "planes", 1, Padding = "(1 - 1) / 2")] public partial Conv2d a { get; }
                [Conv2d("planes", "planes", 3, Padding = "(3 - 1) / 2")] public partial Conv2d b { get; }
                [When("planes != 10000000000 && big * 2 > planes")] [Conv2d("planes", "planes", 1)] public partial Conv2d? c { get; }
                [Conv2d("planes", "max(planes, 4) - min(planes, 4) + planes % 3", 1)] public partial Conv2d d { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("M.g.cs");
        Assert.Contains("padding: 0L", code);
        Assert.Contains("padding: 1", code);
        Assert.Contains("(@planes != ((long)(object)10000000000L))", code);
    }

    [Fact]
    public void Enum_and_array_hyperparameters_pass_through_to_blocks()
    {
        var run = GeneratorHarness.Run(Usings + """
            public enum Act { Relu, Gelu }

            public sealed class Stage : nn.Module<Tensor, Tensor>
            {
                public Stage(int[] widths, Act act) : base("Stage") { Widths = widths; Kind = act; }
                public int[] Widths { get; }
                public Act Kind { get; }
                public override Tensor forward(Tensor x) => x;
            }

            [Model(Input = [3, 8, 8])]
            public partial class Net : nn.Module<Tensor, Tensor>
            {
                public partial Net(int[] widths, Act act = Act.Gelu);
                [Block("widths", "act")] public partial Stage stage { get; }
            }
            """);

        // Stage is opaque to NetGen (NG0110, the boundary note, is all it says about it).
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "NG0110"));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Net.g.cs");
        Assert.Contains("private readonly int[] __p_widths;", code);
        Assert.Contains("new global::Stage(@widths, @act)", code);
    }

    [Fact]
    public void An_enum_hyperparameter_chooses_layers_by_comparison_with_its_members()
    {
        var run = GeneratorHarness.Run(Usings + """
            namespace Zoo
            {
                public enum Act { Relu, Gelu }

                [Model(Input = ["features"])]
                public partial class Head : nn.Module<Tensor, Tensor>
                {
                    public partial Head(int features = 16, Act act = Act.Gelu);
                    [Linear("features", "features")] public partial Linear fc { get; }
                    [When("act == Act.Gelu")] [GELU] public partial GELU? gelu { get; }
                    [When("act != Zoo.Act.Gelu && features > 8")] [ReLU] public partial ReLU? relu { get; }
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Zoo.Head.g.cs");
        Assert.Contains("if (checked((@act == global::Zoo.Act.Gelu)))", code);
        Assert.Contains("if (checked(((@act != global::Zoo.Act.Gelu) && (@features > 8))))", code);
    }
}
