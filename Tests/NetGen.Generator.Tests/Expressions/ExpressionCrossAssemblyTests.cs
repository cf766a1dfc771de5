using System.Linq;
using NetGen.Generator.Tests.CrossAssembly;

namespace NetGen.Generator.Tests.Expressions;

/// <summary>
/// A block whose sizes and conditions are expressions, in a library: its descriptor carries the expressions, so
/// a consumer checks its uses exactly as with the block in its own project.
/// </summary>
public sealed class ExpressionCrossAssemblyTests
{
    private const string Library = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Lib;

        [Model(Input = ["inplanes", 16, 16])]
        [Residual(Shortcut = "downsample", When = "inplanes > 0")]
        public partial class Bottleneck : nn.Module<Tensor, Tensor>
        {
            public partial Bottleneck(int inplanes, int planes, int stride = 1);
            [Conv2d("inplanes", "planes", 1)] public partial Conv2d conv1 { get; }
            [Conv2d("planes", "planes * 4", 3, Stride = "stride", Padding = 1)] public partial Conv2d conv2 { get; }
            [When("stride != 1 || inplanes != planes * 4")]
            [Conv2d("inplanes", "planes * 4", 1, Stride = "stride")]
            public partial Sequential? downsample { get; }
        }
        """;

    private const string Consumer = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Model(Input = [64, 16, 16])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Block(64, 16)] public partial Lib.Bottleneck a { get; }
            [Block(64, 32, 2)] public partial Lib.Bottleneck b { get; }
            [Conv2d(100, 10, 1)] public partial Conv2d head { get; }
        }
        """;

    [Fact]
    public void A_consumer_of_a_library_block_with_expressions_gets_the_same_diagnostics_as_in_one_project()
    {
        var separate = TwoAssemblies.Consumer(TwoAssemblies.Library(Library), Consumer);
        var together = TwoAssemblies.OneProject([Library], [Consumer]);

        var diagnostics = TwoAssemblies.ConsumerDiagnostics(separate);
        Assert.Equal(TwoAssemblies.ConsumerDiagnostics(together), diagnostics);
        // b outputs planes * 4 = 128 channels; head expects 100: found through the descriptor's expressions.
        Assert.Contains(diagnostics, d => d.StartsWith("NG0101", System.StringComparison.Ordinal) && d.Contains("128"));
    }
}
