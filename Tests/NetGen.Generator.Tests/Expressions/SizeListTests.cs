using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Expressions;

/// <summary>
/// Per-dimension lists whose items name hyperparameters or are expressions (<c>KernelSize = new[] { "kh", "kw" }</c>):
/// Inception v3's <c>BasicConv2d(c7, c7, kernel_size=(1, 7), padding=(0, 3))</c> as one block with (h, w) hyperparameters.
/// The generated call passes the pair as a tuple, shape inference reads each item, and misuse is reported on the argument.
/// </summary>
public sealed class SizeListTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    private const string PairConv = Usings + """
        [Model(Input = ["inp", 17, 17])]
        public partial class PairConv : nn.Module<Tensor, Tensor>
        {
            public partial PairConv(int inp = 8, int oup = 4, int kh = 1, int kw = 7, int ph = 0, int pw = 0);
            [Conv2d("inp", "oup", new[] { "kh", "kw" }, Padding = new[] { "ph", "pw" }, Bias = false)] public partial Conv2d conv { get; }
            [BatchNorm2d("oup", Eps = 0.001), ReLU(Inplace = true)] public partial BatchNorm2d bn { get; }
        }

        [Model(Input = [8, 17, 17])]
        public partial class Uses : nn.Module<Tensor, Tensor>
        {
            public partial Uses();
            [Block(8, 4, 1, 7, 0, 3)] public partial PairConv row { get; }
            [Block(4, 4, 7, 1, 3, 0)] public partial PairConv column { get; }
            [Flatten, Linear(4 * 17 * 17, 10)] public partial Linear fc { get; }
        }
        """;

    [Fact]
    public void A_pair_of_hyperparameters_is_passed_as_a_tuple_and_the_code_compiles_strictly()
    {
        var run = GeneratorHarness.Run(PairConv);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("PairConv.g.cs");
        Assert.Contains("((long)@kh, (long)@kw)", code);
        Assert.Contains("padding: ((long)@ph, (long)@pw)", code);
    }

    [Fact]
    public void Shape_inference_reads_each_item_so_a_wrong_pair_is_a_feature_error_with_the_inferred_size()
    {
        // (1, 7) with no padding makes 17×17 into 17×11: the linear then receives 4 · 17 · 11 = 748 features, not 1156.
        var source = PairConv.Replace("[Block(8, 4, 1, 7, 0, 3)]", "[Block(8, 4, 1, 7, 0, 0)]").Replace("[Block(4, 4, 7, 1, 3, 0)]", "[Block(4, 4, 1, 1, 0, 0)]");
        var run = GeneratorHarness.Run(source);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0102", error.Id);
        Assert.Contains("748", error.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_block_alone_is_checked_at_its_defaults_and_gives_its_summary()
    {
        var run = GeneratorHarness.Run(PairConv);

        // The summary's conv row: output 4×17×11, 224 parameters; the total adds BN's 8.
        var code = run.Generated("PairConv.g.cs");
        Assert.Contains("conv\\tConv2d\\t0\\t4,17,11\\t224\\t", code);
        Assert.Contains("total\\t232\\t", code);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "NG0100" && d.GetMessage(CultureInfo.InvariantCulture).Contains("conv"));
    }

    [Fact]
    public Task Items_may_be_expressions_and_constants_mixed_with_names() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["inp", 17, 17])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int inp = 8, int k = 7);
            [Conv2d("inp", 4, new object[] { 1, "k" }, Padding = new[] { "0", "(k - 1) / 2" })] public partial Conv2d conv { get; }
            [MaxPool2d(new object[] { "k - 4", 3 }, Stride = new object[] { 1, "k / 7" })] public partial MaxPool2d pool { get; }
        }
        """);

    [Fact]
    public Task An_unknown_name_in_a_list_is_NG0005() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["inp", 17, 17])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int inp = 8, int kh = 1, int kw = 7);
            [Conv2d("inp", 4, {|NG0005:new[] { "kh", "kx" }|})] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task A_bool_item_is_NG0006() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["inp", 17, 17])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int inp = 8, int k = 3, bool wide = false);
            [Conv2d("inp", 4, {|NG0006:new[] { "k", "wide" }|})] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task A_double_item_is_NG0006() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["inp", 17, 17])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int inp = 8, int k = 3, double scale = 1.5);
            [Conv2d("inp", 4, {|NG0006:new[] { "k", "k * scale" }|})] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task A_constant_item_out_of_range_is_NG0006() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["inp", 17, 17])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int inp = 8, int k = 3);
            [Conv2d("inp", 4, 3, {|NG0006:Stride = new object[] { 0, "k" }|})] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task A_list_of_names_where_the_layer_takes_only_constants_is_NG0006() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["inp", 17, 17])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int inp = 8, int p = 1);
            [ZeroPad2d({|NG0006:new[] { "p", "p", "p", "p" }|})] public partial ZeroPad2d pad { get; }
        }
        """);
}
