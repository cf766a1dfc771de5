using System.Threading.Tasks;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.OpenWorld;

/// <summary>
/// NG diagnostics are an analyzer's, so they honour what every analyzer's do: .editorconfig severities,
/// #pragma warning disable and [SuppressMessage]. (Reported by the generator they ignored all three.)
/// </summary>
public sealed class SuppressionTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    private const string Mismatch = """
        [Model(Input = [3, 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)] public partial Conv2d a { get; }
            [Conv2d({|#0:16|}, 8, 3)] public partial Conv2d b { get; }
        }
        """;

    /// <summary>The baseline the other tests silence: without suppression the mismatch is an error.</summary>
    [Fact]
    public Task Without_suppression_the_mismatch_is_an_error() => GeneratorDiagnosticTest.VerifyAsync(Usings + Mismatch.Replace("{|#0:16|}", "{|NG0101:16|}"));

    [Fact]
    public Task Editorconfig_can_turn_an_error_off() => GeneratorDiagnosticTest.VerifyAsync(
        Usings + Mismatch.Replace("{|#0:16|}", "16"),
        "root = true\n[*.cs]\ndotnet_diagnostic.NG0101.severity = none\n");

    [Fact]
    public Task Editorconfig_can_raise_an_info_to_a_warning() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model]
        public partial class {|NG0100:M|} : nn.Module<Tensor, Tensor>
        {
            [Linear(4, 2)] public partial Linear fc { get; }
        }
        """,
        "root = true\n[*.cs]\ndotnet_diagnostic.NG0100.severity = warning\n");

    [Fact]
    public Task Pragma_warning_disable_silences_a_warning() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        #pragma warning disable NG0019
        [Model(Input = [4]), Residual]
        public partial class {|NG0100:{|NG0110:M|}|} : nn.Module<Tensor, Tensor>
        {
            [Linear(4, 4)] public partial Linear fc { get; }
            public override Tensor forward(Tensor x) => Scaling.Scale(fc.call(x));
        }

        public static class Scaling
        {
            public static Tensor Scale(Tensor t) => t * 2;
        }
        #pragma warning restore NG0019
        """);

    [Fact]
    public Task Pragma_warning_disable_silences_the_build_line_too() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        #pragma warning disable NG0110
        [Model(Input = [4])]
        public partial class {|NG0100:M|} : nn.Module<Tensor, Tensor>
        {
            [Linear(4, 4)] public partial Linear fc { get; }
            public override Tensor forward(Tensor x) => Scaling.Scale(fc.call(x));
        }

        public static class Scaling
        {
            public static Tensor Scale(Tensor t) => t * 2;
        }
        #pragma warning restore NG0110
        """);

    [Fact]
    public Task SuppressMessage_on_the_model_silences_its_diagnostics() => GeneratorDiagnosticTest.VerifyAsync(Usings +
        "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"NetGen.Shapes\", \"NG0101:Channel mismatch\", Justification = \"test\")]\n"
        + Mismatch.Replace("{|#0:16|}", "16"));
}
