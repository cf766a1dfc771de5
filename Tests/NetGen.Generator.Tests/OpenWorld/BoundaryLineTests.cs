using System.Globalization;
using System.Linq;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.OpenWorld;

/// <summary>
/// NG0110 is one line per build however many models stop at NetGen's boundary: the first eight with the reason, the
/// rest by name, so a build never hides which models are checked only in part.
/// </summary>
public sealed class BoundaryLineTests
{
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
        var run = GeneratorHarness.Run($$"""
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace Demo;

            public static class Opaque
            {
                public static Tensor Apply(Tensor x) => x;
            }

            {{models}}
            """);

        var line = Assert.Single(run.AnalyzerDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("in 10 model(s): M0 (hand-written forward", line);
        Assert.Contains("M7 (hand-written forward", line);
        Assert.EndsWith(" and 2 more: M8, M9; see docs/boundary.md", line);
        Assert.Empty(run.CompilationErrors);
    }
}
