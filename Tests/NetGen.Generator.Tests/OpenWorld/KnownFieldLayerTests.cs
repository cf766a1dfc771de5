using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Model;
using NetGen.Generator.Tests.Hardening;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.OpenWorld;

/// <summary>
/// A TorchSharp user keeps layers in fields: <c>private readonly Dropout drop = nn.Dropout(0.25);</c>. Where the
/// field's type alone says what the module does, because the class is sealed, holds no state and keeps the shape
/// whatever its arguments (TorchSharp's activations and dropouts), NetGen follows it as the layer it is: no NG0110,
/// 0 parameters in the summary, and checking goes on after it. Anything less certain stays unchecked, never wrong.
/// </summary>
public sealed class KnownFieldLayerTests
{
    /// <summary>The model of an outsider's console app: a gated MLP with a hand-written forward and a dropout field.</summary>
    private static string GatedMlp(string dropField, int outputInFeatures = 24) => Declarations.Usings + $$"""
        namespace Demo;

        [Model(Input = [20])]
        public partial class GatedMlp : nn.Module<Tensor, Tensor>
        {
            public partial GatedMlp(int hidden = 24, int classes = 3);

            [Linear(20, "hidden")] public partial Linear value { get; }
            [Linear(20, "hidden")] public partial Linear gate { get; }
            [Linear({{outputInFeatures}}, "classes")] public partial Linear output { get; }
            {{dropField}}

            public override Tensor forward(Tensor x)
            {
                using var scope = NewDisposeScope();
                var h = value.call(x) * sigmoid(gate.call(x));
                return output.call(drop.call(h)).MoveToOuterDisposeScope();
            }
        }
        """;

    [Theory]
    [InlineData("private readonly Dropout drop = nn.Dropout(0.25);", "Dropout")]
    [InlineData("private readonly GELU drop = nn.GELU();", "GELU")]
    [InlineData("public ReLU drop { get; } = nn.ReLU(inplace: true);", "ReLU")]
    [InlineData("private readonly Identity drop = nn.Identity();", "Identity")]
    [InlineData("private readonly Softmax drop = nn.Softmax(1);", "Softmax")]
    [InlineData("private readonly Dropout1d drop = nn.Dropout1d();", "Dropout1d")]
    [InlineData("private readonly nn.Module<Tensor, Tensor> drop = nn.Dropout(0.25);", "Dropout")]
    // The initializer is not read (code elsewhere may assign the field; a rate that is no constant): the type alone says enough.
    [InlineData("internal Dropout drop = nn.Dropout(0.25);", "Dropout")]
    [InlineData("private readonly Dropout drop = nn.Dropout(new System.Random(1).NextDouble());", "Dropout")]
    public void A_sealed_stateless_layer_in_a_field_is_followed_and_counted(string field, string type)
    {
        var run = GeneratorHarness.Run(GatedMlp(field));
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Id == "NG0110" || d.Severity == DiagnosticSeverity.Error));

        var data = Summary(run);
        // value and gate: 20·24 + 24 each; output: 24·3 + 3; the field adds nothing.
        Assert.Equal("1083", Regex.Match(data, @"total\t(-?\d+)\t").Groups[1].Value);
        var drop = Regex.Match(data, $@"row\tdrop\t{type}\t0\t([^\t]*)\t(-?\d+)\t");
        Assert.True(drop.Success, data);
        Assert.Equal("0", drop.Groups[2].Value);
        // Followed with what the forward passes it: the gated hidden features, as value's output.
        Assert.Equal(Regex.Match(data, @"row\tvalue\tLinear\t0\t([^\t]*)\t").Groups[1].Value, drop.Groups[1].Value);
        Assert.DoesNotContain("counts its parameters only at run time", data);
    }

    /// <summary>Before, nothing after the dropout was checked, so this mistake built and failed at run time.</summary>
    [Fact]
    public void A_wrong_size_after_a_dropout_field_is_an_error()
    {
        var run = GeneratorHarness.Run(GatedMlp("private readonly Dropout drop = nn.Dropout(0.25);", outputInFeatures: 30));
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0102", error.Id);
        Assert.Contains("30", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("24", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Fields whose type does not settle what they hold, or whose rule depends on what an initializer NetGen cannot read
    /// passes (a dim that is no constant; a field a method may replace): the same mistake after them is not an error, and
    /// NG0110 says where checking stopped. A Softmax or Dropout1d built with constants, in a field only its initializer
    /// assigns, is read (<see cref="InitializerLayerTests"/>).
    /// </summary>
    [Theory]
    [InlineData("internal nn.Module<Tensor, Tensor> drop = nn.Dropout(0.25);")]
    [InlineData("private readonly Softmax drop = nn.Softmax(Own.Dims.Features);")]
    [InlineData("internal Dropout1d drop = nn.Dropout1d();")]
    [InlineData("private readonly Demo.Own.Dropout drop = new();")]
    public void Fields_NetGen_cannot_be_sure_of_stay_unchecked(string field)
    {
        const string own = """
            using static TorchSharp.torch;

            namespace Demo.Own;

            /// <summary>A dim that is no constant, so NetGen does not read the Softmax built with it.</summary>
            public static class Dims
            {
                public static readonly int Features = 1;
            }

            /// <summary>A class of the user's that happens to share the name: it doubles the features.</summary>
            public sealed class Dropout : nn.Module<Tensor, Tensor>
            {
                public Dropout() : base("Dropout") { }
                public override Tensor forward(Tensor x) => cat(new[] { x, x }, 1);
            }
            """;
        var run = GeneratorHarness.Run(GatedMlp(field, outputInFeatures: 30), own);

        BoundaryAssert.Unchecked(run, "drop");
    }

    /// <summary>Without a hand-written forward a field is registered, not called, so it has no input; its count is still known.</summary>
    [Fact]
    public void A_dropout_field_beside_a_generated_forward_is_counted()
    {
        var run = GeneratorHarness.Run(Declarations.Usings + """
            namespace Demo;

            [Model(Input = [20])]
            public partial class GatedMlp : nn.Module<Tensor, Tensor>
            {
                [Linear(20, 24)] public partial Linear value { get; }
                private readonly Dropout drop = nn.Dropout(0.25);
            }
            """);
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        var data = Summary(run);
        Assert.Equal("504", Regex.Match(data, @"total\t(-?\d+)\t").Groups[1].Value);
        Assert.DoesNotContain("counts its parameters only at run time", data);
    }

    /// <summary>
    /// A block from another assembly carries its known fields in its descriptor, so the consumer counts the block as the
    /// block's own project does; a descriptor that claimed a layer with state for a field would be refused.
    /// </summary>
    [Fact]
    public void A_known_field_of_a_block_from_another_assembly_is_counted_as_in_its_own_project()
    {
        const string library = """
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace Lib;

            [Model(Input = ["inp"])]
            public partial class Head : nn.Module<Tensor, Tensor>
            {
                public partial Head(int inp = 20, int classes = 3);
                [Linear("inp", "classes")] public partial Linear fc { get; }
                private readonly Dropout drop = nn.Dropout(0.1);
            }
            """;
        const string consumer = """
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace Demo;

            [Model(Input = [20])]
            public partial class GatedMlp : nn.Module<Tensor, Tensor>
            {
                [Linear(20, 20)] public partial Linear stem { get; }
                [Block(20, 3)] public partial Lib.Head head { get; }
            }
            """;

        var across = CrossAssembly.TwoAssemblies.Consumer(CrossAssembly.TwoAssemblies.Library(library), consumer);
        var together = CrossAssembly.TwoAssemblies.OneProject([library], [consumer]);

        Assert.Empty(across.CompilationErrors);
        Assert.Empty(CrossAssembly.TwoAssemblies.ConsumerDiagnostics(across));
        // stem 20·20 + 20, head.fc 20·3 + 3, head.drop nothing.
        Assert.Equal("483", Regex.Match(Summary(together), @"total\t(-?\d+)\t").Groups[1].Value);
        Assert.Equal(Summary(together), Summary(across));

        // The descriptor says which fields are known; one that claimed the Linear field would be refused, not trusted.
        var head = CrossAssembly.TwoAssemblies.ParsedModel(CrossAssembly.TwoAssemblies.LibraryRun(library), "Lib.Head");
        Assert.Equal("Dropout", Assert.Single(head.Members, m => m.KnownLayer is not null).KnownLayer!.Kind.Name);
        Assert.Equal("Dropout", Assert.Single(Generator.Descriptors.ModelDescriptor.Read(Generator.Descriptors.ModelDescriptor.Write(head), out _)!.Members, m => m.KnownLayer is not null).KnownLayer!.Kind.Name);
        var claimsLinear = head with
        {
            Members = head.Members.Select(m => m.Name == "drop" ? m with { KnownLayer = m.KnownLayer! with { Kind = new LayerKind("Linear") } } : m).ToEquatableArray(),
        };
        Assert.Null(Generator.Descriptors.ModelDescriptor.Read(Generator.Descriptors.ModelDescriptor.Write(claimsLinear), out var problem));
        // nn.Dropout(0.1) is read with its argument, so the descriptor carries it as a layer with arguments.
        Assert.Equal("is corrupt (the field 'drop' is not a field of a layer NetGen reads from an initializer ('Linear' with 1 argument(s)))", problem);
    }

    private static string Summary(GeneratorRun run) => SummaryData.Of(run, "Demo.GatedMlp.g.cs", "GatedMlp");
}
