using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Expressions;

/// <summary>
/// <c>double</c> hyperparameters in shape inference: a width multiplier is known at the defaults and at a use site, so
/// <c>make_divisible(c * widthMult, 8)</c> and <c>ceil(n * depthMult)</c> are sizes there (torchvision's EfficientNet,
/// MNASNet), checked like any other.
/// </summary>
public sealed class DoubleHyperparameterShapeTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    private const string Scaled = """
        [Model(Input = ["inp", 8, 8])]
        public partial class Scaled : nn.Module<Tensor, Tensor>
        {
            public partial Scaled(int inp, double width);
            [Conv2d("inp", "make_divisible(24 * width, 8)", 1)] public partial Conv2d conv { get; }
        }

        """;

    [Fact]
    public void A_width_passed_to_a_block_sizes_its_output_and_the_summary_counts_it()
    {
        var run = GeneratorHarness.Run(Usings + Scaled + """
            [Model(Input = [16, 8, 8])]
            public partial class Net : nn.Module<Tensor, Tensor>
            {
                public partial Net(double alpha = 0.5);
                // make_divisible(24 * 0.5, 8) = 16; make_divisible(24 * 1.4, 8) = 32 (33.6 rounds to 32, within 10%).
                [Block<Scaled>(16, "alpha"), Block<Scaled>(16, 1.4), BatchNorm2d(32)]
                public partial Sequential features { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Net.g.cs");
        Assert.Contains("row\\tfeatures.0\\tScaled\\t1\\t16,8,8\\t272\\t", code);
        Assert.Contains("row\\tfeatures.1\\tScaled\\t1\\t32,8,8\\t544\\t", code);
        Assert.Contains("total\\t880\\t", code);
    }

    [Fact]
    public Task A_block_whose_scaled_width_does_not_fit_what_follows_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + Scaled + """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(double alpha = 0.5);
            // make_divisible(24 * 0.5, 8) = 16, so the BatchNorm told 24 channels receives 16.
            [Block<Scaled>(16, "alpha"), BatchNorm2d({|NG0101:24|})]
            public partial Sequential features { get; }
        }
        """);
}
