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
/// TorchSharp code nests Sequentials in its field initializers: a stage of named blocks, each itself an
/// <c>nn.Sequential(…)</c>, or a ModuleList of small Sequentials (an MLP per token-mixing layer). NetGen reads them
/// to <see cref="Parsing.InitializerLayers.MaxNesting"/> levels: rows and keys such as <c>features.block1.0</c>, and the
/// forward checked through them.
/// </summary>
public sealed class NestedSequentialTests
{
    private static string Stages(int secondIn = 16, string extra = "") => Declarations.Usings + $$"""
        namespace Demo;

        [Model(Input = [3, 16, 16])]
        public partial class Stages : nn.Module<Tensor, Tensor>
        {
            private readonly Sequential features = nn.Sequential(
                ("block1", nn.Sequential(nn.Conv2d(3, 16, 3, padding: 1), nn.BatchNorm2d(16), nn.ReLU())),
                ("pool", nn.MaxPool2d(2)),
                ("block2", nn.Sequential(nn.Conv2d({{secondIn}}, 32, 3, padding: 1), nn.ReLU())));
            private readonly Linear head = nn.Linear(32 * 8 * 8, 10);
            {{extra}}

            public override Tensor forward(Tensor x) => head.call(features.call(x).flatten(1));
        }
        """;

    [Fact]
    public void A_sequential_of_sequentials_is_followed_level_by_level()
    {
        var run = GeneratorHarness.Run(Stages(extra: "public const string Mean = Keys.features.block1._1.running_mean;"));

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        var data = SummaryData.Of(run, "Demo.Stages.g.cs", "Stages");
        Assert.Matches(@"row\tfeatures\.block1\tSequential\t1\t16,16,16\t480\t", data);
        Assert.Matches(@"row\tfeatures\.block2\.0\tConv2d\t2\t32,8,8\t4640\t", data);
        // block1 3·16·9 + 16 and 2·16, block2 16·32·9 + 32, head 2048·10 + 10.
        Assert.Equal((448 + 32 + 4_640 + 20_490).ToString(CultureInfo.InvariantCulture), Regex.Match(data, @"total\t(-?\d+)\t").Groups[1].Value);
    }

    [Fact]
    public void A_mistake_inside_a_nested_sequential_is_an_error_naming_its_path()
    {
        var run = GeneratorHarness.Run(Stages(secondIn: 8));

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0101", error.Id);
        Assert.Equal("features.call(x)", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains("features.block2.0 expects 8 input channels but receives 16", error.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>A token mixer's MLPs, each a Sequential, in a ModuleList the forward walks with a residual.</summary>
    [Fact]
    public void A_module_list_of_sequentials_is_checked_and_counted()
    {
        var run = GeneratorHarness.Run(Declarations.Usings + """
            namespace Demo;

            [Model(Input = [16, 32])]
            public partial class Mixer : nn.Module<Tensor, Tensor>
            {
                private readonly ModuleList<nn.Module<Tensor, Tensor>> layers = nn.ModuleList<nn.Module<Tensor, Tensor>>(
                    nn.Sequential(nn.Linear(32, 64), nn.GELU(), nn.Linear(64, 32)),
                    nn.Sequential(nn.Linear(32, 64), nn.GELU(), nn.Linear(64, 32)));

                public override Tensor forward(Tensor x)
                {
                    foreach (var layer in layers)
                        x = x + layer.call(x);
                    return x;
                }
            }
            """);

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        var data = SummaryData.Of(run, "Demo.Mixer.g.cs", "Mixer");
        Assert.Matches(@"row\tlayers\.1\.2\tLinear\t2\t16,32\t2080\t", data);
        Assert.Equal((2 * (2_112 + 2_080)).ToString(CultureInfo.InvariantCulture), Regex.Match(data, @"total\t(-?\d+)\t").Groups[1].Value);
    }

    /// <summary>Nesting deeper than NetGen reads stays unchecked, never guessed.</summary>
    [Fact]
    public void Sequentials_nested_deeper_than_netgen_reads_stay_unchecked()
    {
        var deep = "nn.Conv2d(3, 16, 3, padding: 1)";
        for (var i = 0; i <= Parsing.InitializerLayers.MaxNesting; i++)
        {
            deep = $"nn.Sequential({deep})";
        }

        var run = GeneratorHarness.Run(Stages().Replace(
            """("block1", nn.Sequential(nn.Conv2d(3, 16, 3, padding: 1), nn.BatchNorm2d(16), nn.ReLU()))""",
            $"""("block1", {deep})""", System.StringComparison.Ordinal).Replace("32 * 8 * 8", "99", System.StringComparison.Ordinal));

        BoundaryAssert.Unchecked(run, "features");
    }

    [Fact]
    public void Nested_sequentials_are_carried_in_the_descriptor()
    {
        var stages = CrossAssembly.TwoAssemblies.ParsedModel(CrossAssembly.TwoAssemblies.LibraryRun(Stages()), "Demo.Stages");
        var read = ModelDescriptor.Read(ModelDescriptor.Write(stages), out var problem)!;

        Assert.Null(problem);
        var block1 = read.Members.Single(m => m.Name == "features").KnownChildren[0];
        Assert.Equal("block1", block1.Name);
        Assert.Equal(LayerKind.Sequential, block1.Kind);
        Assert.Equal(["Conv2d", "BatchNorm2d", "ReLU"], block1.Children.Select(c => c.Kind.Name));

        var forged = stages with
        {
            Members = stages.Members.Select(m => m.Name == "features"
                ? m with { KnownChildren = m.KnownChildren.Select((c, i) => i == 0 ? c with { Children = c.Children.Select(x => x with { Name = "same" }).ToEquatableArray() } : c).ToEquatableArray() }
                : m).ToEquatableArray(),
        };
        Assert.Null(ModelDescriptor.Read(ModelDescriptor.Write(forged), out problem));
        Assert.Contains("the field 'features'", problem);
    }
}
