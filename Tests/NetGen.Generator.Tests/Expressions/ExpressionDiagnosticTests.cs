using System.Threading.Tasks;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Expressions;

/// <summary>Every kind of expression error, each reported on the argument that holds the expression.</summary>
public sealed class ExpressionDiagnosticTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    [Fact]
    public Task An_unknown_name_in_an_expression_is_NG0005() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes);
            [Conv2d("planes", {|NG0005:"plane * 4"|}, 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task A_syntax_error_is_NG0030() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes);
            [Conv2d("planes", {|NG0030:"planes * (4"|}, 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task An_unknown_function_is_NG0030() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes);
            [Conv2d("planes", {|NG0030:"sqrt(planes)"|}, 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task A_rounding_function_with_two_arguments_is_NG0031() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, double width = 1.5);
            [Conv2d("planes", {|NG0031:"round(planes * width, 2)"|}, 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task Pow_where_a_size_is_needed_is_NG0031_until_floor_or_round_makes_it_an_int() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, double wm = 2.0);
            [Conv2d("planes", {|NG0031:"pow(wm, 3)"|}, 1)] public partial Conv2d conv { get; }
            [Conv2d("planes", "floor(pow(wm, 3))", 1)] public partial Conv2d conv2 { get; }
        }
        """);

    [Fact]
    public Task Pow_of_a_bool_is_NG0031() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, bool wide = false);
            [Conv2d("planes", {|NG0031:"round(pow(wide, 2))"|}, 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task Arithmetic_on_a_bool_is_NG0031() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, bool wide = false);
            [Conv2d("planes", {|NG0031:"planes * wide"|}, 1)] public partial Conv2d conv { get; }
        }
        """);

    /// <summary>LayerNorm's normalized_shape takes an int expression like any size (the random declarations found it refused).</summary>
    [Fact]
    public Task An_int_expression_as_LayerNorms_shape_is_checked_against_the_input_at_the_defaults() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [5, 16])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int dim = 4);
            [{|NG0108:LayerNorm("dim * 2")|}] public partial LayerNorm norm { get; }
        }
        """);

    [Fact]
    public Task A_bool_expression_as_LayerNorms_shape_is_NG0031() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [5, 16])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int dim = 8);
            [LayerNorm({|NG0031:"dim > 2"|})] public partial LayerNorm norm { get; }
        }
        """);

    /// <summary>A [Parameter]'s shape takes int expressions too (the random declarations found them refused).</summary>
    [Fact]
    public Task An_int_expression_in_a_Parameter_shape_is_accepted_and_a_bool_one_is_NG0006() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [4, 16])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int dim = 16);
            [Parameter(1, "dim / 4 + 1", "dim")] public partial Parameter token { get; }
            [Parameter({|NG0006:1|}, "dim > 4")] public partial Parameter flag { get; }
            public override Tensor forward(Tensor x) => x + token[.., ..4];
        }
        """);

    [Fact]
    public Task A_double_expression_where_a_size_is_needed_is_NG0031() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, double width = 1.5);
            [Conv2d("planes", {|NG0031:"planes * width"|}, 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task An_expression_over_an_enum_parameter_is_NG0031() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        public enum Kind { Small, Large }

        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, Kind kind = Kind.Small);
            [Conv2d("planes", {|NG0031:"planes + kind"|}, 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task Division_by_zero_at_the_defaults_is_NG0032() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes = 64, int groups = 0);
            [Conv2d("planes", {|NG0032:"planes / groups"|}, 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task Division_by_zero_guarded_by_a_condition_is_not_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes = 64, int groups = 0);
            [Conv2d("planes", "groups == 0 ? planes : planes / groups", 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task Overflow_at_the_defaults_is_NG0032() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes = 1 << 20);
            [Conv2d("planes", {|NG0032:"planes * planes"|}, 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task A_condition_that_is_not_bool_is_NG0010() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, int stride = 1);
            [Conv2d("planes", "planes", 1)] public partial Conv2d conv { get; }
            [{|NG0010:When("stride * 2")|}, Conv2d("planes", "planes", 1)] public partial Conv2d? extra { get; }
        }
        """);

    [Fact]
    public Task A_condition_with_an_unknown_name_is_NG0010() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, int stride = 1);
            [Conv2d("planes", "planes", 1)] public partial Conv2d conv { get; }
            [{|NG0010:When("strides != 1")|}, Conv2d("planes", "planes", 1)] public partial Conv2d? extra { get; }
        }
        """);

    [Fact]
    public Task A_residual_condition_that_divides_by_zero_at_the_defaults_is_NG0032() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        [Residual({|NG0032:When = "planes / (stride - 1) > 1"|})]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, int stride = 1);
            [Conv2d("planes", "planes", 3, Padding = 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task A_bool_expression_passed_to_an_int_block_parameter_is_NG0006() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["c", 8, 8])]
        public partial class Inner : nn.Module<Tensor, Tensor>
        {
            public partial Inner(int c);
            [Conv2d("c", "c", 1)] public partial Conv2d conv { get; }
        }

        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, int stride = 1);
            [{|NG0006:Block<Inner>("stride > 1")|}] public partial Sequential body { get; }
        }
        """);

    [Fact]
    public Task A_constant_division_by_zero_in_a_branch_that_never_runs_is_NG0032_since_CSharp_rejects_it() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, bool wide = false);
            [Conv2d("planes", {|NG0032:"wide ? planes : 1 / 0"|}, 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task A_parameter_compared_with_itself_is_NG0031() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes);
            [Conv2d("planes", "planes", 1)] public partial Conv2d conv { get; }
            [Conv2d("planes", "planes", 1, {|NG0031:Bias = "planes == planes"|})] public partial Conv2d extra { get; }
        }
        """);

    [Fact]
    public Task A_condition_that_reads_no_parameter_is_NG0010() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes);
            [Conv2d("planes", "planes", 1)] public partial Conv2d conv { get; }
            [{|NG0010:When("1 > 2")|}, Conv2d("planes", "planes", 1)] public partial Conv2d? extra { get; }
        }
        """);

    [Fact]
    public Task An_enum_compared_by_order_or_used_in_arithmetic_is_NG0031() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        public enum Act { Relu, Gelu }

        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, Act act = Act.Relu);
            [Conv2d("planes", {|NG0031:"act == Act.Gelu ? planes : planes + act"|}, 1)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task A_condition_naming_a_member_the_enum_lacks_is_NG0010() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        public enum Act { Relu, Gelu }

        [Model(Input = ["planes", 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int planes, Act act = Act.Relu);
            [Conv2d("planes", "planes", 1)] public partial Conv2d conv { get; }
            [{|NG0010:When("act == Act.Swish")|}, ReLU] public partial ReLU? extra { get; }
        }
        """);
}
