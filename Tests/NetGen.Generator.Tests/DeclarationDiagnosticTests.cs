using System.Threading.Tasks;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>Declaration errors land on the offending span, through Microsoft.CodeAnalysis.Testing markup.</summary>
public sealed class DeclarationDiagnosticTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    [Fact]
    public Task A_model_that_is_not_partial_is_reported_on_its_name() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model]
        public class {|NG0001:Tiny|} : nn.Module<Tensor, Tensor>
        {
            public Tiny() : base("Tiny") { }
            public override Tensor forward(Tensor input) => input.alias();
        }
        """);

    [Fact]
    public Task An_unknown_hyperparameter_is_reported_on_the_argument() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model]
        public partial class Block : nn.Module<Tensor, Tensor>
        {
            public partial Block(int channels);

            [Conv2d({|NG0005:"chanels"|}, 8, 3)]
            public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task A_nonpositive_size_is_reported_on_the_argument() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model]
        public partial class Block : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, {|NG0006:0|})]
            public partial Conv2d conv { get; }
        }
        """);
}
