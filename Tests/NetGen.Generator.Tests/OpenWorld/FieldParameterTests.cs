using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Descriptors;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.OpenWorld;

/// <summary>
/// Transformer code written the TorchSharp way keeps its class token and position table in Parameter fields:
/// <c>private readonly Parameter pos = nn.Parameter(randn(1, 17, 32) * 0.02);</c>. NetGen reads the sizes, so the forward's
/// <c>cat</c> and <c>x + pos</c> are checked through them and the summary counts them. Before, "pos: a Parameter field,
/// whose shape NetGen does not know" stopped the check there. Code that may change the tensor's shape leaves it unread.
/// </summary>
public sealed class FieldParameterTests
{
    private static string Tokens(string pos = "new Parameter(randn(1, 17, 32) * 0.02)", string extra = "") => $$"""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Demo;

        [Model(Input = [16, 32])]
        public partial class Tokens : nn.Module<Tensor, Tensor>
        {
            private readonly Parameter cls = nn.Parameter(zeros(1, 1, 32));
            private readonly Parameter pos = {{pos}};
            private readonly Linear head = nn.Linear(32, 4);
            {{extra}}

            public override Tensor forward(Tensor x)
            {
                x = cat(new[] { cls.expand(x.shape[0], -1, -1), x }, 1);
                x = x + pos;
                return head.call(x.select(1, 0));
            }
        }
        """;

    [Theory]
    [InlineData("new Parameter(randn(1, 17, 32) * 0.02)", "")]
    [InlineData("nn.Parameter(zeros(new long[] { 1, 17, 32 }), requires_grad: true)", "")]
    [InlineData("new Parameter(randn(1, 17, 32))", "public void Reset() => nn.init.trunc_normal_(pos, std: 0.02);")]
    public void Parameter_fields_of_constant_sizes_are_checked_through_and_counted(string pos, string extra)
    {
        var run = GeneratorHarness.Run(Tokens(pos, extra));

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        var data = SummaryData.Of(run, "Demo.Tokens.g.cs", "Tokens");
        Assert.Matches(@"row\tpos\tParameter\t0\t1,17,32\t544\t", data);
        // cls 32, pos 17·32, head 32·4 + 4.
        Assert.Equal((32 + 544 + 132).ToString(CultureInfo.InvariantCulture), Regex.Match(data, @"total\t(-?\d+)\t").Groups[1].Value);
    }

    [Fact]
    public void A_position_table_of_the_wrong_length_is_an_error_where_it_is_added()
    {
        var run = GeneratorHarness.Run(Tokens("new Parameter(randn(1, 16, 32) * 0.02)"));

        Assert.Empty(run.CompilationErrors);
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("x + pos", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        var message = error.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("17", message);
        Assert.Contains("16", message);
    }

    /// <summary>Code that may change the tensor's shape, or sizes NetGen cannot read, leave it unread: no error, and NG0110 says so.</summary>
    [Theory]
    [InlineData("new Parameter(randn(1, 16, 32))", "public void Grow() => pos.unsqueeze_(0);")]
    [InlineData("new Parameter(randn(1, 16, 32))", "public void Give() => Helper.Touch(pos);")]
    [InlineData("new Parameter(randn(1, 16, 32))", "public Tensor Alias() { var p = pos; return p; }")]
    [InlineData("new Parameter(randn(1, Helper.Length, 32))", "")]
    [InlineData("Helper.Table()", "")]
    public void A_parameter_field_whose_shape_is_in_doubt_stays_unchecked(string pos, string extra)
    {
        const string helper = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace Demo;

            public static class Helper
            {
                public static readonly int Length = 17;
                public static void Touch(Tensor t) => t.unsqueeze_(0);
                public static Parameter Table() => new Parameter(randn(1, 17, 32));
            }
            """;
        var run = GeneratorHarness.Run(Tokens(pos, extra), helper);

        BoundaryAssert.Unchecked(run, "pos: a Parameter field");
    }

    [Fact]
    public void A_parameter_fields_shape_is_carried_in_the_descriptor()
    {
        var tokens = CrossAssembly.TwoAssemblies.ParsedModel(CrossAssembly.TwoAssemblies.LibraryRun(Tokens()), "Demo.Tokens");
        var read = ModelDescriptor.Read(ModelDescriptor.Write(tokens), out var problem)!;

        Assert.Null(problem);
        Assert.Equal(["1", "17", "32"], read.Members.Single(m => m.Name == "pos").ParameterShape.Select(d => d.ToString()));
    }
}
