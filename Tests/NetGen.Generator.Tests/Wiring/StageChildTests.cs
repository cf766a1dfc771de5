using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Wiring;

/// <summary>
/// <c>[Stage&lt;T&gt;]</c>: a Sequential of blocks as one child of a Sequential (torchvision's EfficientNet stages and
/// MNASNet stacks), each block built with its own index and checked on what the one before leaves.
/// </summary>
public sealed class StageChildTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    private const string Unit = """
        [Model(Input = ["inp", 8, 8])]
        [Residual(When = "stride == 1 && inp == oup")]
        public partial class Unit : nn.Module<Tensor, Tensor>
        {
            public partial Unit(int inp, int oup, int stride);
            [Conv2d("inp", "oup", 3, Stride = "stride", Padding = 1, Bias = false), BatchNorm2d("oup")]
            public partial Sequential body { get; }
        }

        """;

    // Without a residual, so that checked on its own it has nothing left unchecked (no NG0100 besides the tested diagnostics).
    private const string PlainUnit = """
        [Model(Input = ["inp", 8, 8])]
        public partial class Unit : nn.Module<Tensor, Tensor>
        {
            public partial Unit(int inp, int oup, int stride);
            [Conv2d("inp", "oup", 3, Stride = "stride", Padding = 1)] public partial Conv2d conv { get; }
        }

        """;

    [Fact]
    public void A_stage_generates_a_SequentialStage_and_the_summary_walks_every_block_with_its_index()
    {
        var run = GeneratorHarness.Run(Usings + Unit + """
            [Model(Input = [8, 16, 16])]
            public partial class Net : nn.Module<Tensor, Tensor>
            {
                public partial Net(double depthMult = 1.5, double widthMult = 2.0);
                [Conv2d(8, 16, 1)]
                [Stage<Unit>("ceil(2 * depthMult)", Each = ["i == 0 ? 16 : make_divisible(12 * widthMult, 8)", "make_divisible(12 * widthMult, 8)", "i == 0 ? 2 : 1"], Index = "i")]
                [BatchNorm2d("make_divisible(12 * widthMult, 8)")]
                public partial Sequential features { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Net.g.cs");
        Assert.Contains("(\"1\", global::NetGen.SequentialStage.Of((int)(checked(global::NetGen.ExpressionFunctions.Ceil((double)(2 * @depthMult)))), (int @i) => new global::Unit(", code);
        // ceil(2 * 1.5) = 3 blocks of make_divisible(24.0, 8) = 24 channels: block 0 halves 16×16 to 8×8, the others keep it.
        Assert.Contains("row\\tfeatures.1\\tSequential\\t1\\t24,8,8\\t", code);
        Assert.Contains("row\\tfeatures.1.0.body.0\\tConv2d\\t4\\t24,8,8\\t3456\\t", code);
        Assert.Contains("row\\tfeatures.1.2.body.0\\tConv2d\\t4\\t24,8,8\\t5184\\t", code);
        Assert.DoesNotContain("features.1.3", code);
        Assert.Contains("row\\tfeatures.2\\tBatchNorm2d\\t1\\t24,8,8\\t48\\t", code);
    }

    [Fact]
    public Task A_block_that_does_not_take_what_the_block_before_leaves_is_reported_at_the_defaults() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["inp", 8, 8])]
        public partial class Unit : nn.Module<Tensor, Tensor>
        {
            public partial Unit(int inp, int oup);
            [Conv2d({|NG0111:"inp"|}, "oup", 3, Padding = 1)] public partial Conv2d conv { get; }
        }

        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(int blocks = 3);
            // Every block is told 16 input channels, but block 1 receives block 0's 32.
            [{|NG0107:Stage<Unit>("blocks", Each = [16, 32])|}]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public void A_count_that_is_not_known_leaves_what_follows_unchecked_never_an_error()
    {
        var run = GeneratorHarness.Run(Usings + Unit + """
            [Model(Input = [16, 8, 8])]
            public partial class Net : nn.Module<Tensor, Tensor>
            {
                public partial Net(int blocks);
                [Stage<Unit>("blocks", Each = [16, 16, 1])]
                [BatchNorm2d(16)]
                public partial Sequential features { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "NG0100" && d.GetMessage().Contains("the number of blocks depends on 'blocks'"));
    }

    [Fact]
    public Task An_index_that_hides_a_parameter_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + PlainUnit + """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(int blocks = 2);
            [Stage<Unit>("blocks", Each = [16, 16, 1], {|NG0040:Index = "blocks"|})]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task Arguments_that_fit_no_constructor_and_a_negative_count_are_NG0006() => GeneratorDiagnosticTest.VerifyAsync(Usings + PlainUnit + """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [{|NG0006:Stage<Unit>(2, Each = [16])|}]
            public partial Sequential features { get; }

            [Stage<Unit>({|NG0006:-1|}, Each = [16, 16, 1])]
            public partial Sequential head { get; }
        }
        """);

    [Fact]
    public void A_prefix_names_the_blocks_as_torchvisions_RegNet_does_and_the_keys_get_identifiers()
    {
        var run = GeneratorHarness.Run(Usings + Unit + """
            [Model(Input = [16, 8, 8])]
            public partial class Net : nn.Module<Tensor, Tensor>
            {
                public partial Net(int width = 24);
                [Stage<Unit>(2, Each = ["i == 0 ? 16 : width", "width", "i == 0 ? 2 : 1"], Index = "i", Prefix = "block1-", Name = "block1")]
                [Stage<Unit>(1, Each = [24, 24, 1], Prefix = "b", FirstNumber = 1, Name = "block2")]
                public partial Sequential trunk_output { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Net.g.cs");
        Assert.Contains("(\"block1\", global::NetGen.SequentialStage.Of((int)(2), \"block1-\", 0, (int @i) => new global::Unit(", code);
        Assert.Contains("(\"block2\", global::NetGen.SequentialStage.Of((int)(1), \"b\", 1, (int __i) => new global::Unit(", code);
        Assert.Contains("row\\ttrunk_output.block1.block1-0.body.0\\tConv2d\\t4\\t24,4,4\\t", code);
        Assert.Contains("row\\ttrunk_output.block1.block1-1.body.0\\tConv2d\\t4\\t24,4,4\\t", code);
        Assert.Contains("row\\ttrunk_output.block2.b1.body.0\\tConv2d\\t4\\t24,4,4\\t", code);
        // The key segment block1-0 is a class block1_0 of Keys (a '-' cannot be in an identifier); the key keeps its '-'.
        Assert.Contains("public static class block1_0", code);
        Assert.Contains("public const string Prefix = \"trunk_output.block1.block1-0\";", code);
        Assert.Contains("public const string weight = \"trunk_output.block1.block1-1.body.0.weight\";", code);
    }

    [Fact]
    public Task A_prefix_with_a_dot_or_a_space_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + PlainUnit + """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Stage<Unit>(2, Each = [16, 16, 1], {|NG0040:Prefix = "block.1"|})]
            [Stage<Unit>(2, Each = [16, 16, 1], {|NG0040:Prefix = "block 2"|})]
            public partial Sequential features { get; }
        }
        """);
}
