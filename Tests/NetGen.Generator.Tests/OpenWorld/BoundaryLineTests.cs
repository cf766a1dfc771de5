using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.OpenWorld;

/// <summary>
/// NG0110 is one line per build however many models stop at NetGen's boundary: the first eight with the reason, the
/// rest by name, so a build never hides which models are checked only in part. A cause met at many places is said once.
/// </summary>
public sealed class BoundaryLineTests
{
    /// <summary>A call NetGen cannot follow, where each forward below stops checking.</summary>
    private const string Preamble = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Demo;

        public static class Opaque
        {
            public static Tensor Apply(Tensor x) => x;
        }

        """;

    [Fact]
    public void Past_eight_models_the_line_names_the_rest_without_their_notes()
    {
        var models = string.Concat(Enumerable.Range(0, 10).Select(i => $$"""
            [Model]
            public partial class M{{i}} : nn.Module<Tensor, Tensor>
            {
                [Linear(4, 4)] public partial Linear fc { get; }
                public override Tensor forward(Tensor x) => Opaque.Apply(fc.call(x));
            }

            """));
        var run = GeneratorHarness.Run(Preamble + models);

        var line = Assert.Single(run.AnalyzerDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("in 10 model(s): M0 (hand-written forward", line);
        Assert.Contains("M7 (hand-written forward", line);
        Assert.EndsWith(" and 2 more: M8, M9; see docs/boundary.md", line);
        Assert.Empty(run.CompilationErrors);
    }

    /// <summary>
    /// A block whose forward stops checking, repeated five times: the line said the same cause once per block (MaxVit's
    /// ran to sixteen notes); now it says the cause once, with two places and how many more.
    /// </summary>
    [Fact]
    public void A_cause_met_at_several_places_is_said_once_with_its_places_counted()
    {
        var run = GeneratorHarness.Run(Preamble + """
            [Model(Input = ["c", 8, 8])]
            public partial class Blk : nn.Module<Tensor, Tensor>
            {
                public partial Blk(int c);
                [Conv2d("c", "c", 3, Padding = 1)] public partial Conv2d conv { get; }
                public override Tensor forward(Tensor x) => Opaque.Apply(conv.call(x));
            }

            [Model(Input = [8, 8, 8])]
            public partial class Top : nn.Module<Tensor, Tensor>
            {
                [Block(8)] public partial Blk first { get; }
                [Block(8)] public partial Blk second { get; }
                [Block(8)] public partial Blk third { get; }
                [Block(8)] public partial Blk fourth { get; }
                [Block(8)] public partial Blk fifth { get; }
            }
            """);

        Assert.Empty(run.CompilationErrors);
        var line = Assert.Single(run.AnalyzerDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("Top (fifth, first and 3 more places: Blk's hand-written forward, line ", line);
        Assert.Single(Regex.Matches(line, "Blk's hand-written forward"));
        // The model's own NG0100, in the IDE, groups them the same way, so its first notes are not three places of one cause.
        var own = Assert.Single(run.AnalyzerDiagnostics, d => d.Id == "NG0100" && d.GetMessage(CultureInfo.InvariantCulture).Contains("'Top'", System.StringComparison.Ordinal));
        Assert.Contains("not fully checked: fifth, first and 3 more places: Blk's hand-written forward, line 16: a call of Opaque.Apply; ", own.GetMessage(CultureInfo.InvariantCulture));
        // The blocks after the first receive what the first's unfollowed call gives: said as such, not as Blk lacking an input shape, which it declares.
        Assert.Contains("fourth: what Blk receives there is not known, so its forward is not followed there", own.GetMessage(CultureInfo.InvariantCulture));
        Assert.DoesNotContain("declares no input shape", own.GetMessage(CultureInfo.InvariantCulture));
    }
}
