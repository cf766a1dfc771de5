using System.Threading.Tasks;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>The remaining declaration diagnostics, each on its span through markup.</summary>
public sealed class DeclarationDiagnosticMarkupTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    [Fact]
    public Task A_model_that_is_not_a_module_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model]
        public partial class {|NG0002:NotAModule|}
        {
        }
        """);

    [Fact]
    public Task A_member_that_is_not_a_partial_property_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Linear(3, 2)] public Linear {|NG0003:fc|} { get; set; } = null!;
        }
        """);

    [Fact]
    public Task A_member_whose_type_does_not_match_its_layer_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Linear(3, 2)] public partial Conv2d {|NG0004:fc|} { get; }
        }
        """);

    /// <summary>
    /// Found by trying NetGen as a new user would: <c>[LayerNorm]</c> compiles (its sizes are <c>params</c>) and NetGen built
    /// <c>nn.LayerNorm([])</c>, which TorchSharp accepts and the first forward rejects. A size below 1 is refused too (on the
    /// list, which starts at its first size).
    /// </summary>
    [Fact]
    public Task A_LayerNorm_without_sizes_or_with_a_size_below_one_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [4, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Linear(8, 8), {|NG0006:LayerNorm|}] public partial Sequential empty { get; }
            [LayerNorm({|NG0006:4|}, 0)] public partial LayerNorm zero { get; }
        }
        """);

    [Fact]
    public Task A_constructor_with_a_body_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public {|NG0007:M|}() : base("M") { }
            [Linear(3, 2)] public partial Linear fc { get; }
        }
        """);

    [Fact]
    public Task An_empty_model_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model]
        public partial class {|NG0008:Empty|} : nn.Module<Tensor, Tensor>
        {
        }
        """);

    [Fact]
    public Task An_unknown_shortcut_member_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3])]
        [Residual({|NG0009:Shortcut = "rigth"|})]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Linear(3, 3)] public partial Linear fc { get; }
        }
        """);

    [Fact]
    public Task A_condition_that_is_not_a_bool_parameter_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int stride);
            [Linear(3, 3)] public partial Linear fc { get; }
            [{|NG0010:When("stride")|}, Linear(3, 3)] public partial Linear? extra { get; }
        }
        """);

    [Fact]
    public Task Two_parametric_layers_on_one_member_are_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Linear(3, 3), BatchNorm1d(3)] public partial Linear {|NG0011:fc|} { get; }
        }
        """);

    /// <summary>A generator exception is reported as NG0099 on the model, never as CS8785 that drops the user's code.</summary>
    [Fact]
    public Task An_exception_inside_the_generator_becomes_NG0099() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model]
        public partial class {|NG0099:NetGenFaultInjection_ThrowWhileParsing|} : nn.Module<Tensor, Tensor>
        {
            [Linear(3, 2)] public partial Linear fc { get; }
        }
        """);
}
