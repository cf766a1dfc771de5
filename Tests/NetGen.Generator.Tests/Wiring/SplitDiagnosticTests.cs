using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Wiring;

/// <summary>
/// <c>[Split(a, b)]</c>, the uneven <c>x.split([a, b], dim)</c>: PyTorch requires the sizes to add up to the dimension,
/// so sizes that do not are an error on the attribute with the arithmetic, at the declared input or at the defaults;
/// a correct split, with sizes that are expressions of the hyperparameters, gets no diagnostic, and each branch walks
/// its own piece.
/// </summary>
public sealed class SplitDiagnosticTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    private const string PartialConv = """
        [Model(Input = ["inp", 14, 14])]
        [Split("keep", "inp - keep")]
        public partial class PartialConv : nn.Module<Tensor, Tensor>
        {
            public partial PartialConv(int inp = 64, int keep = 48);
            [Branch, Identity] public partial Identity untouched { get; }
            [Branch, Conv2d(MIXED_IN, "inp - keep", 3, Padding = 1)] public partial Conv2d mixed { get; }
        }

        """;

    [Fact]
    public void A_split_whose_sizes_are_expressions_of_the_hyperparameters_is_clean_and_each_branch_walks_its_piece()
    {
        var run = GeneratorHarness.Run(Usings + PartialConv.Replace("MIXED_IN", "\"inp - keep\"") + """
            [Model(Input = [3, 14, 14])]
            public partial class Net : nn.Module<Tensor, Tensor>
            {
                [Conv2d(3, 32, 1)] public partial Conv2d stem { get; }
                [Block(32, 8)] public partial PartialConv pconv { get; }
            }
            """);

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        var net = run.Generated("Net.g.cs");
        Assert.Contains(@"row\tpconv.untouched\tIdentity\t1\t8,14,14\t", net);
        Assert.Contains(@"row\tpconv.mixed\tConv2d\t1\t24,14,14\t", net);
        Assert.Contains(@"row\tpconv\tPartialConv\t0\t32,14,14\t", net);
        var split = run.Generated("PartialConv.g.cs").Split('\n').Single(l => l.Contains(" = input.split(", System.StringComparison.Ordinal)).Trim();
        Assert.Equal("global::TorchSharp.torch.Tensor[] t0 = input.split(new long[] { (long)this.__p_keep, (long)(checked((this.__p_inp - this.__p_keep))) }, 1);", split);
    }

    [Fact]
    public Task A_branch_that_expects_another_piece_size_is_on_its_in_channels() =>
        GeneratorDiagnosticTest.VerifyAsync(Usings + PartialConv.Replace("MIXED_IN", "{|NG0101:\"keep\"|}"));

    [Fact]
    public Task Sizes_that_do_not_add_up_to_the_dimension_are_on_the_split() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16, 8, 8])]
        [{|NG0108:Split(4, 8)|}]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Branch, Conv2d(4, 8, 1)] public partial Conv2d a { get; }
            [Branch, Conv2d(8, 8, 1)] public partial Conv2d b { get; }
        }
        """);

    [Fact]
    public void The_split_message_shows_the_arithmetic()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = [16, 8, 8])]
            [Split(4, 8)]
            public partial class M : nn.Module<Tensor, Tensor>
            {
                [Branch, Conv2d(4, 8, 1)] public partial Conv2d a { get; }
                [Branch, Conv2d(8, 8, 1)] public partial Conv2d b { get; }
            }
            """);
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0108").GetMessage();
        Assert.Contains("x.split([4, 8], dim=1) of 16×8×8 needs sizes that add up to 16, the size of dim 1, but they add up to 12", error);
    }

    [Fact]
    public void Sizes_that_do_not_add_up_at_the_defaults_are_an_error_that_names_them()
    {
        var run = GeneratorHarness.Run(Usings + PartialConv.Replace("MIXED_IN", "\"inp - keep\"").Replace("\"inp - keep\")]\n", "\"inp - keep + 1\")]\n"));
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0108", error.Id);
        Assert.Contains("add up to 64, the size of dim 1, but they add up to 65", error.GetMessage());
        Assert.Contains("inp = 64, keep = 48", error.GetMessage());
    }

    [Fact]
    public Task A_size_count_that_is_not_the_number_of_branches_is_on_the_sizes() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16, 8, 8])]
        [Split({|NG0006:4, 4, 8|})]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Branch, Conv2d(4, 8, 1)] public partial Conv2d a { get; }
            [Branch, Conv2d(12, 8, 1)] public partial Conv2d b { get; }
        }
        """);

    [Fact]
    public Task A_size_that_is_not_an_int_is_on_the_sizes() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16, 8, 8])]
        [Split(4, {|NG0006:"half"|})]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(double half = 0.5);
            [Branch, Conv2d(4, 8, 1)] public partial Conv2d a { get; }
            [Branch, Conv2d(12, 8, 1)] public partial Conv2d b { get; }
        }
        """);

    [Fact]
    public Task Chunk_and_split_on_one_model_are_refused() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16, 8, 8])]
        [Chunk(2)]
        [{|NG0011:Split(4, 12)|}]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Branch, Conv2d(8, 8, 1)] public partial Conv2d a { get; }
            [Branch, Conv2d(8, 8, 1)] public partial Conv2d b { get; }
        }
        """);

    [Fact]
    public Task A_split_on_a_hand_written_forward_is_ignored_with_a_warning() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16, 8, 8])]
        [{|NG0019:Split(4, 12)|}]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(16, 16, 1)] public partial Conv2d fc { get; }
            public override Tensor forward(Tensor input) => fc.call(input);
        }
        """);
}
