using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Descriptors;
using NetGen.Generator.Model;
using NetGen.Generator.Tests.Hardening;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.OpenWorld;

/// <summary>
/// A model written the TorchSharp way builds its NetGen blocks in field initializers: <c>private readonly ConvBnAct body =
/// new ConvBnAct(16);</c>. NetGen reads that as the <c>[Block&lt;ConvBnAct&gt;(16)]</c> it stands for, so the hand-written
/// forward is checked through the block, the summary shows the block's rows, and <c>Keys</c> has its entries. Before, the
/// field was opaque: "body: ConvBnAct without [Contract]".
/// </summary>
public sealed class FieldBlockTests
{
    private const string Block = Declarations.Usings + """
        namespace Demo;

        [Model(Input = ["channels", 8, 8])]
        public partial class ConvBnAct : nn.Module<Tensor, Tensor>
        {
            public partial ConvBnAct(int channels = 16, int stride = 1);
            [Conv2d("channels", "channels", 3, Stride = "stride", Padding = 1), BatchNorm2d, ReLU] public partial Sequential conv { get; }
        }
        """;

    /// <summary>A model holding <paramref name="body"/> in a field, with a hand-written forward; its head takes <paramref name="features"/>.</summary>
    private static string Net(string body, int features = 16, string extra = "") => Declarations.Usings + $$"""
        namespace Demo;

        [Model(Input = [3, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d stem = nn.Conv2d(3, 16, 3, padding: 1);
            {{body}}
            private readonly AdaptiveAvgPool2d gap = nn.AdaptiveAvgPool2d(1);
            private readonly Linear head = nn.Linear({{features}}, 10);
            {{extra}}

            public override Tensor forward(Tensor x)
            {
                x = body.call(stem.call(x));
                return head.call(gap.call(x).flatten(1));
            }
        }
        """;

    [Theory]
    [InlineData("private readonly ConvBnAct body = new ConvBnAct(16);", "8,8")]
    [InlineData("private readonly ConvBnAct body = new();", "8,8")]
    [InlineData("private readonly ConvBnAct body = new(stride: 2);", "4,4")]
    [InlineData("private nn.Module<Tensor, Tensor> body = new ConvBnAct(16, 2);", "4,4")]
    [InlineData("private readonly nn.Module<Tensor, Tensor> body = nn.Sequential(new ConvBnAct(16), nn.ReLU());", "8,8")]
    public void A_block_built_in_a_field_is_checked_and_counted_as_a_block_member(string body, string spatial)
    {
        var run = GeneratorHarness.Run(Block, Net(body));

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        var data = SummaryData.Of(run, "Demo.Net.g.cs", "Net");
        // stem 3·16·9 + 16, the block's conv 16·16·9 + 16 and its norm 2·16, head 16·10 + 10.
        Assert.Equal((448 + 2_320 + 32 + 170).ToString(CultureInfo.InvariantCulture), Regex.Match(data, @"total\t(-?\d+)\t").Groups[1].Value);
        Assert.Matches($@"row\tbody(\.0)?\.conv\.0\tConv2d\t\d\t16,{spatial}\t2320\t", data);
    }

    [Fact]
    public void The_blocks_keys_are_the_fields_typed_keys()
    {
        var run = GeneratorHarness.Run(Block, Net(
            "private readonly ConvBnAct body = new ConvBnAct(16);",
            extra: "public const string NormMean = Keys.body.conv._1.running_mean;"));

        Assert.Empty(run.CompilationErrors);
        Assert.Contains("\"body.conv.1.running_mean\"", run.Generated("Demo.Net.g.cs"), System.StringComparison.Ordinal);
    }

    /// <summary>The block's output reaches the head; a head that takes the wrong size is an error with the chain through the block.</summary>
    [Fact]
    public void A_wrong_size_after_a_field_block_is_an_error_with_the_chain_through_it()
    {
        var run = GeneratorHarness.Run(Block, Net("private readonly ConvBnAct body = new ConvBnAct(16, stride: 2);", features: 32));

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0102", error.Id);
        var message = error.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("in_features 32 ≠ flattened 16", message);
        Assert.Contains("→stem→ N×16×8×8 →body→ N×16×4×4", message);
    }

    /// <summary>A block whose input does not fit is an error on the call that gives it.</summary>
    [Fact]
    public void A_block_that_receives_the_wrong_channels_is_an_error_on_its_call()
    {
        var run = GeneratorHarness.Run(Block, Net("private readonly ConvBnAct body = new ConvBnAct(32);", features: 32));

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0101", error.Id);
        Assert.Equal("body.call(stem.call(x))", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains("expects 32 input channels but receives 16", error.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// What NetGen cannot read as a block stays unchecked, never guessed: a size that is not a constant, a module that is
    /// not a NetGen model, a field the model may assign again.
    /// </summary>
    [Theory]
    [InlineData("private readonly ConvBnAct body = new ConvBnAct(Sizes.Width);", "")]
    [InlineData("private readonly nn.Module<Tensor, Tensor> body = new Plain();", "")]
    [InlineData("private ConvBnAct body = new ConvBnAct(16);", "public void Swap() => body = new ConvBnAct(32);")]
    [InlineData("internal readonly ConvBnAct? body = new ConvBnAct(16);", "")]
    public void A_field_block_in_doubt_stays_unchecked(string body, string extra)
    {
        const string helpers = """
            using static TorchSharp.torch;

            namespace Demo;

            public static class Sizes
            {
                public static readonly int Width = 16;
            }

            public sealed class Plain : nn.Module<Tensor, Tensor>
            {
                public Plain() : base(nameof(Plain)) { }
                public override Tensor forward(Tensor input) => input;
            }
            """;
        var run = GeneratorHarness.Run(Block, Net(body, features: 99, extra: extra).Replace("body.call(", "body!.call(", System.StringComparison.Ordinal), helpers);

        BoundaryAssert.Unchecked(run, "body");
    }

    /// <summary>
    /// The block's analysis is an input of the model's: an edit to the block reaches the model on the next run of the same
    /// driver, as in an IDE, and the error it makes is reported.
    /// </summary>
    [Fact]
    public void An_edit_to_the_block_reaches_the_model_that_holds_it_in_a_field()
    {
        var compilation = GeneratorHarness.Compile(Block, Net("private readonly ConvBnAct body = new ConvBnAct(16);"));
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var first, out var firstDiagnostics);
        Assert.Empty(new GeneratorRun(driver, first, firstDiagnostics).GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));

        var blockTree = compilation.SyntaxTrees.First();
        var kernel = Block.IndexOf("\"channels\", \"channels\", 3", System.StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(blockTree, blockTree.WithChangedText(
            blockTree.GetText().Replace(kernel, "\"channels\", \"channels\"".Length, "\"channels\", 24")));
        var run = new GeneratorRun(driver.RunGeneratorsAndUpdateCompilation(edited, out var second, out var diagnostics), second, diagnostics);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0102", error.Id);
        Assert.Contains("in_features 16 ≠ flattened 24", error.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A model of another assembly carries the block it read from a field in its descriptor, so a consumer counts it as the
    /// model's own project does; a descriptor claiming a block argument NetGen would not have read is refused.
    /// </summary>
    [Fact]
    public void A_field_block_is_carried_in_the_descriptor()
    {
        const string library = Declarations.Usings + """
            namespace Demo;

            [Model(Input = [16, 8, 8])]
            public partial class Holder : nn.Module<Tensor, Tensor>
            {
                [Conv2d(16, 16, 1)] public partial Conv2d mix { get; }
                private readonly ConvBnAct spare = new ConvBnAct(16, 2);
            }
            """;
        const string consumer = Declarations.Usings + """
            namespace App;

            [Model(Input = [16, 8, 8])]
            public partial class Outer : nn.Module<Tensor, Tensor>
            {
                [Block] public partial Demo.Holder inner { get; }
            }
            """;

        var across = CrossAssembly.TwoAssemblies.Consumer(CrossAssembly.TwoAssemblies.Library(Block, library), consumer);
        var together = CrossAssembly.TwoAssemblies.OneProject([Block, library], [consumer]);
        Assert.Empty(across.CompilationErrors);
        Assert.Equal(CrossAssembly.TwoAssemblies.ConsumerDiagnostics(together), CrossAssembly.TwoAssemblies.ConsumerDiagnostics(across));
        var summary = SummaryData.Of(together, "App.Outer.g.cs", "Outer");
        // The forward never calls spare, so its input is unknown; its convolution is counted, 16·16·9 + 16, and the rest
        // is what its input would size (the BatchNorm's features), unknown in both builds alike.
        Assert.Matches(@"row\tinner\.spare\.conv\.0\tConv2d\t3\t\?\t2320\t", summary);
        // Across assemblies the block's descriptor carries the sizes its own analysis inferred from its hyperparameters, so
        // the consumer may know a count the source walk leaves unknown without an input; it never contradicts it.
        var rows = Rows(summary);
        var acrossRows = Rows(SummaryData.Of(across, "App.Outer.g.cs", "Outer"));
        Assert.Equal(rows.Keys, acrossRows.Keys);
        Assert.All(rows, row => Assert.True(row.Value == "-1" || row.Value == acrossRows[row.Key], $"{row.Key}: {row.Value} here, {acrossRows[row.Key]} across"));
        Assert.Equal("2624", acrossRows["total"]);

        var holder = CrossAssembly.TwoAssemblies.ParsedModel(CrossAssembly.TwoAssemblies.LibraryRun(Block, library), "Demo.Holder");
        var spare = ModelDescriptor.Read(ModelDescriptor.Write(holder), out _)!.Members.Single(m => m.Name == "spare").KnownLayer!;
        Assert.Equal("global::Demo.ConvBnAct", spare.BlockType);
        Assert.Equal(["16", "2"], spare.BlockArgs.Select(a => a.ToString()));

        var forged = holder with
        {
            Members = holder.Members.Select(m => m.Name == "spare" ? m with { KnownLayer = m.KnownLayer! with { BlockArgs = new[] { ArgValue.FromText("wide") }.ToEquatableArray() } } : m).ToEquatableArray(),
        };
        Assert.Null(ModelDescriptor.Read(ModelDescriptor.Write(forged), out var problem));
        Assert.Contains("the field 'spare'", problem);
    }

    /// <summary>Each summary row's parameter count, by path; the total under "total".</summary>
    private static System.Collections.Generic.Dictionary<string, string> Rows(string summary) =>
        summary.Split('\n').Select(line => line.Split('\t')).Where(f => f[0] is "row" or "total")
            .ToDictionary(f => f[0] == "row" ? f[1] : "total", f => f[0] == "row" ? f[5] : f[1]);
}
