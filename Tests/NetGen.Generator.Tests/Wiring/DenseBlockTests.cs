using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Wiring;

/// <summary><c>[DenseBlock&lt;T&gt;]</c>: DenseNet's dense concatenation, checked layer by layer.</summary>
public sealed class DenseBlockTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    private const string Layer = """
        [Model(Input = ["inp", 8, 8])]
        public partial class Grow : nn.Module<Tensor, Tensor>
        {
            public partial Grow(int inp, int growth);
            [BatchNorm2d("inp"), ReLU] public partial BatchNorm2d norm { get; }
            [Conv2d("inp", "growth", 3, Padding = 1, Bias = false)] public partial Conv2d conv { get; }
        }

        """;

    [Fact]
    public void A_dense_block_generates_a_DenseStage_of_named_layers_and_the_summary_concatenates_every_layers_output()
    {
        var run = GeneratorHarness.Run(Usings + Layer + """
            [Model(Input = [16, 8, 8])]
            public partial class Block : nn.Module<Tensor, Tensor>
            {
                public partial Block(int layers = 3, int growth = 4);
                [DenseBlock<Grow>("layers", Each = ["16 + i * growth", "growth"], Index = "i", Prefix = "denselayer", FirstNumber = 1, Name = "denseblock1")]
                [BatchNorm2d("16 + layers * growth", Name = "norm5")]
                public partial Sequential features { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Block.g.cs");
        Assert.Contains("(\"denseblock1\", global::NetGen.DenseStage.Of((int)(@layers), \"denselayer\", 1, (int @i) => new global::Grow(checked((16 + (@i * @growth))), @growth)))", code);
        // Layer 3 receives 16 + 2·4 = 24 channels; the block gives 16 + 3·4 = 28.
        Assert.Contains("row\\tfeatures.denseblock1.denselayer3\\tGrow\\t2\\t4,8,8\\t", code);
        Assert.Contains("row\\tfeatures.denseblock1.denselayer3.norm\\tBatchNorm2d\\t3\\t24,8,8\\t48\\t", code);
        Assert.Contains("row\\tfeatures.denseblock1\\tDenseStage\\t1\\t28,8,8\\t", code);
        Assert.Contains("row\\tfeatures.norm5\\tBatchNorm2d\\t1\\t28,8,8\\t56\\t", code);
    }

    [Fact]
    public Task A_layer_that_does_not_take_the_concatenated_channels_is_reported_at_the_defaults() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["inp", 8, 8])]
        public partial class Grow : nn.Module<Tensor, Tensor>
        {
            public partial Grow(int inp, int growth);
            [BatchNorm2d({|NG0111:"inp"|}), ReLU] public partial BatchNorm2d norm { get; }
            [Conv2d("inp", "growth", 3, Padding = 1, Bias = false)] public partial Conv2d conv { get; }
        }

        [Model(Input = [16, 8, 8])]
        public partial class Block : nn.Module<Tensor, Tensor>
        {
            public partial Block(int layers = 3, int growth = 4);
            // Every layer is told 16 channels, but layer 1 receives 16 + 4.
            [{|NG0107:DenseBlock<Grow>("layers", Each = [16, "growth"])|}]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task An_index_that_hides_a_parameter_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + Layer + """
        [Model(Input = [16, 8, 8])]
        public partial class Block : nn.Module<Tensor, Tensor>
        {
            public partial Block(int layers = 3, int growth = 4);
            [DenseBlock<Grow>("layers", Each = ["16 + growth * layers", "growth"], {|NG0040:Index = "layers"|})]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task Arguments_that_fit_no_constructor_are_NG0006() => GeneratorDiagnosticTest.VerifyAsync(Usings + Layer + """
        [Model(Input = [16, 8, 8])]
        public partial class Block : nn.Module<Tensor, Tensor>
        {
            public partial Block(int layers = 3);
            [{|NG0006:DenseBlock<Grow>("layers", Each = [16])|}]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task A_negative_count_is_NG0006() => GeneratorDiagnosticTest.VerifyAsync(Usings + Layer + """
        [Model(Input = [16, 8, 8])]
        public partial class Block : nn.Module<Tensor, Tensor>
        {
            [DenseBlock<Grow>({|NG0006:-1|}, Each = [16, 4])]
            public partial Sequential features { get; }
        }
        """);
}
