using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// A model is also checked as <c>new M()</c> builds it, with its hyperparameters' defaults: sizes that
/// name a defaulted hyperparameter are symbols to the symbolic walk, so without this a wrong default
/// (the seed Net's <c>flat</c>) or a swapped width name passed the build and failed in forward.
/// Found by the mutation harness (Tests/NetGen.Mutation.Tests, docs/shape-checking.md).
/// </summary>
public sealed class DefaultHyperparameterDiagnosticTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    [Fact]
    public void The_seed_Net_with_a_wrong_flat_default_fails_on_the_flat_argument()
    {
        var source = RepositoryFiles.Read("Samples/NetGen.SeedModels/Net.cs")
            .Replace("int flat = 64 * 54 * 54", "int flat = 64 * 55 * 55");

        var run = GeneratorHarness.Run(source);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0102", error.Id);
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("186624", message);
        Assert.Contains("193600", message);
        Assert.Contains("with the default hyperparameters (flat = 193600, numClasses = 101)", message);
        Assert.Equal("\"flat\"", source.Substring(error.Location.SourceSpan.Start, error.Location.SourceSpan.Length));
    }

    [Fact]
    public Task A_channel_name_whose_default_does_not_fit_is_an_error() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int w0 = 64, int w1 = 128);
            [Conv2d(3, "w0", 3)] public partial Conv2d conv { get; }
            [BatchNorm2d({|NG0101:"w1"|})] public partial BatchNorm2d bn { get; }
        }
        """);

    [Fact]
    public Task A_block_given_a_defaulted_width_that_does_not_fit_is_reported_on_the_use_site() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["channels", 8, 8])]
        public partial class Block : nn.Module<Tensor, Tensor>
        {
            public partial Block(int channels);
            [Conv2d({|NG0111:"channels"|}, 16, 3, Padding = 1)] public partial Conv2d conv { get; }
        }

        [Model(Input = [3, 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int stemWidth = 64, int blockWidth = 32);
            [Conv2d(3, "stemWidth", 1)] public partial Conv2d stem { get; }
            [Block("blockWidth")] public partial Block {|NG0107:block|} { get; }
        }
        """);

    /// <summary>Defaults that fit are no error; other values may still not fit, so the "unchecked" note stays.</summary>
    [Fact]
    public Task Defaults_that_fit_and_parameters_without_defaults_are_no_error() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class {|NG0100:Fits|} : nn.Module<Tensor, Tensor>
        {
            public partial Fits(int w0 = 64, int w1 = 64);
            [Conv2d(3, "w0", 3)] public partial Conv2d conv { get; }
            [BatchNorm2d("w1")] public partial BatchNorm2d bn { get; }
        }

        [Model(Input = [3, 32, 32])]
        public partial class {|NG0100:Open|} : nn.Module<Tensor, Tensor>
        {
            public partial Open(int w0, int w1 = 64);
            [Conv2d(3, "w0", 3)] public partial Conv2d conv { get; }
            [BatchNorm2d("w1")] public partial BatchNorm2d bn { get; }
        }
        """);
}
