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
/// A TorchSharp user builds layers in field initializers: <c>private readonly Linear fc1 = nn.Linear(16 * 5 * 5, 120);</c>.
/// NetGen reads such a call of TorchSharp's own factory, with constant arguments, as the layer attribute it stands for,
/// so the hand-written forward is checked through it and the summary counts it. Where the call or the field leaves any
/// doubt about what the field holds when the forward runs, the field stays unchecked, never wrong.
/// </summary>
public sealed class InitializerLayerTests
{
    /// <summary>The PyTorch tutorial's LeNet as a TorchSharp user ports it; <paramref name="fc1"/> is its first Linear field.</summary>
    private static string LeNet(string fc1 = "private readonly Linear fc1 = nn.Linear(16 * 5 * 5, 120);", string extra = "", string callFc1 = "fc1.call(x)") => Declarations.Usings + $$"""
        namespace Demo;

        [Model(Input = [1, 32, 32])]
        public partial class LeNet : nn.Module<Tensor, Tensor>
        {
            private const int Classes = 10;
            private readonly Conv2d conv1 = nn.Conv2d(1, 6, 5);
            private readonly Conv2d conv2 = nn.Conv2d(6, 16, kernel_size: 5);
            private readonly MaxPool2d pool = nn.MaxPool2d(2);
            {{fc1}}
            private readonly Linear fc2 = nn.Linear(120, 84);
            private readonly Linear fc3 = nn.Linear(84, Classes);
            {{extra}}

            public override Tensor forward(Tensor x)
            {
                x = pool.call(nn.functional.relu(conv1.call(x)));
                x = pool.call(nn.functional.relu(conv2.call(x)));
                x = x.flatten(1);
                x = nn.functional.relu({{callFc1}});
                x = nn.functional.relu(fc2.call(x));
                return fc3.call(x);
            }
        }
        """;

    [Fact]
    public void The_tutorials_lenet_in_fields_is_checked_and_counted_with_no_boundary()
    {
        var run = GeneratorHarness.Run(LeNet(extra: "public const string FirstWeight = Keys.fc1.weight;"));

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        var data = Summary(run);
        // conv1 6·1·5·5 + 6, conv2 16·6·5·5 + 16, fc1 400·120 + 120, fc2 120·84 + 84, fc3 84·10 + 10.
        Assert.Equal((156 + 2_416 + 48_120 + 10_164 + 850).ToString(CultureInfo.InvariantCulture), Regex.Match(data, @"total\t(-?\d+)\t").Groups[1].Value);
        Assert.Matches(@"row\tconv2\tConv2d\t0\t16,10,10\t2416\t", data);
        Assert.Matches(@"row\tfc3\tLinear\t0\t10\t850\t", data);
    }

    /// <summary>
    /// Before, the fields were opaque: this mistake built, and failed at run time in <c>fc1</c>. A field holds what its
    /// initializer built, whatever type it is declared with, where only a constructor could replace it (readonly, a
    /// get-only property) or where it is private and the model never assigns it (as TorchSharp's own examples write).
    /// </summary>
    [Theory]
    [InlineData("private readonly Linear fc1 = nn.Linear(16 * 4 * 4, 120);")]
    [InlineData("private Linear fc1 = nn.Linear(16 * 4 * 4, 120);")]
    [InlineData("private Linear fc1 { get; } = nn.Linear(16 * 4 * 4, 120);")]
    [InlineData("private readonly nn.Module<Tensor, Tensor> fc1 = nn.Linear(16 * 4 * 4, 120);")]
    [InlineData("private nn.Module<Tensor, Tensor> fc1 = nn.Linear(outputSize: 120, inputSize: 16 * 4 * 4, device: CPU);")]
    public void A_wrong_size_in_an_initializer_is_an_error_on_the_call_that_receives_it(string fc1)
    {
        var run = GeneratorHarness.Run(LeNet(fc1));

        Assert.Empty(run.CompilationErrors);
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0102", error.Id);
        Assert.Equal("fc1.call(x)", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        var message = error.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("in_features 256 ≠ flattened 400", message);
        Assert.Contains("N×16×5×5 →flatten 1→ N×400", message);
    }

    /// <summary>
    /// What the forward calls may not be what the initializer built, or NetGen cannot read the call: the same mistake
    /// is then no error, and NG0110 names the field.
    /// </summary>
    [Theory]
    [InlineData("private Linear fc1 = nn.Linear(16 * 4 * 4, 120);", "public void Widen() => fc1 = nn.Linear(400, 120);")]
    [InlineData("private nn.Module<Tensor, Tensor> fc1 = nn.Linear(16 * 4 * 4, 120);", "public void Widen() { Replace(ref fc1); } private static void Replace(ref nn.Module<Tensor, Tensor> m) => m = nn.Linear(400, 120);")]
    [InlineData("internal Linear fc1 = nn.Linear(16 * 4 * 4, 120);", "")]
    [InlineData("private Linear fc1 { get; set; } = nn.Linear(16 * 4 * 4, 120);", "")]
    [InlineData("private Linear fc1 { get; init; } = nn.Linear(16 * 4 * 4, 120);", "")]
    [InlineData("private readonly Linear fc1 = nn.Linear(Sizes.Flattened, 120);", "")]
    [InlineData("private readonly Linear fc1 = Sizes.Head();", "")]
    [InlineData("private readonly Linear fc1 = nn.Linear(new Parameter(zeros(120, 256)));", "")]
    public void A_field_whose_layer_is_in_doubt_stays_unchecked(string field, string extra)
    {
        const string sizes = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace Demo;

            public static class Sizes
            {
                public static readonly int Flattened = 256;
                public static Linear Head() => nn.Linear(256, 120);
            }
            """;
        var run = GeneratorHarness.Run(LeNet(field, extra), sizes);

        BoundaryAssert.Unchecked(run, "fc1");
    }

    /// <summary>A nullable field may hold nothing, or another module, whatever its initializer built.</summary>
    [Fact]
    public void A_nullable_field_stays_unchecked()
    {
        BoundaryAssert.Unchecked(GeneratorHarness.Run(LeNet("private readonly Linear? fc1 = nn.Linear(16 * 4 * 4, 120);", callFc1: "fc1!.call(x)")), "fc1");
    }

    /// <summary>
    /// A constructor of the user's could put another module in a readonly field after its initializer ran. NetGen writes the
    /// constructor, so such a model is already NG0007; NetGen then does not read the fields either, so that error is the only one.
    /// </summary>
    [Fact]
    public void A_hand_written_constructor_leaves_every_field_unread()
    {
        var run = GeneratorHarness.Run(LeNet(
            "private readonly Linear fc1 = nn.Linear(16 * 4 * 4, 120);",
            "public partial LeNet(); public LeNet(bool wide) : this() { if (wide) fc1 = nn.Linear(400, 120); }"));

        Assert.Equal("NG0007", Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error).Id);
    }

    /// <summary>An argument whose type is no size, flag or number (an enum) is not read: <c>Padding.Same</c> is no padding of 1.</summary>
    [Fact]
    public void An_enum_argument_is_not_read_as_its_number()
    {
        var run = GeneratorHarness.Run(Declarations.Usings + """
            namespace Demo;

            [Model(Input = [3, 8, 8])]
            public partial class Same : nn.Module<Tensor, Tensor>
            {
                private readonly Conv2d conv = nn.Conv2d(3, 4, 3, TorchSharp.Padding.Same);
                [Linear(4 * 8 * 8, 2)] public partial Linear head { get; }

                public override Tensor forward(Tensor x) => head.call(conv.call(x).flatten(1));
            }
            """);

        BoundaryAssert.Unchecked(run, "conv");
    }

    /// <summary>
    /// A block from another assembly carries the layers it read from its initializers in its descriptor, so a consumer
    /// counts it as its own project does; a descriptor that claimed an argument NetGen would not have read is refused.
    /// </summary>
    [Fact]
    public void A_field_layer_of_a_block_from_another_assembly_is_carried_in_its_descriptor()
    {
        const string library = Declarations.Usings + """
            namespace Lib;

            [Model(Input = ["inp"])]
            public partial class Head : nn.Module<Tensor, Tensor>
            {
                public partial Head(int inp = 16, int classes = 4);
                [Linear("inp", "classes")] public partial Linear fc { get; }
                private readonly Linear aux = nn.Linear(16, 8);
                private readonly Linear probe = nn.Linear(16, 2, hasBias: false);
            }
            """;
        const string consumer = Declarations.Usings + """
            namespace Demo;

            [Model(Input = [8])]
            public partial class LeNet : nn.Module<Tensor, Tensor>
            {
                [Linear(8, 16)] public partial Linear stem { get; }
                [Block(16, 4)] public partial Lib.Head head { get; }
            }
            """;

        var across = CrossAssembly.TwoAssemblies.Consumer(CrossAssembly.TwoAssemblies.Library(library), consumer);
        var together = CrossAssembly.TwoAssemblies.OneProject([library], [consumer]);
        Assert.Empty(across.CompilationErrors);
        // The forward never calls the two fields, so what reaches them is unknown, and the note says so, in both builds.
        Assert.Equal(
            ["NG0100 Info 6,21: Shapes of 'LeNet' are not fully checked: head.aux: the input's rank is unknown; in_features not checked; head.probe: the input's rank is unknown; in_features not checked"],
            CrossAssembly.TwoAssemblies.ConsumerDiagnostics(across));
        Assert.Equal(CrossAssembly.TwoAssemblies.ConsumerDiagnostics(together), CrossAssembly.TwoAssemblies.ConsumerDiagnostics(across));
        // stem 8·16 + 16, head.fc 16·4 + 4, head.aux 16·8 + 8, head.probe 16·2.
        Assert.Equal("380", Regex.Match(Summary(together), @"total\t(-?\d+)\t").Groups[1].Value);
        Assert.Equal(Summary(together), Summary(across));

        var head = CrossAssembly.TwoAssemblies.ParsedModel(CrossAssembly.TwoAssemblies.LibraryRun(library), "Lib.Head");
        var read = ModelDescriptor.Read(ModelDescriptor.Write(head), out _)!;
        Assert.Equal("aux Linear InFeatures=16 OutFeatures=8 | probe Linear InFeatures=16 OutFeatures=2 Bias=false", FieldLayers(head));
        Assert.Equal(FieldLayers(head), FieldLayers(read));

        var forged = head with
        {
            Members = head.Members.Select(m => m.Name == "aux" ? m with { KnownLayer = m.KnownLayer! with { Args = m.KnownLayer.Args.Select(a => a.Name == "InFeatures" ? a with { Value = ArgValue.FromInt(0) } : a).ToEquatableArray() } } : m).ToEquatableArray(),
        };
        Assert.Null(ModelDescriptor.Read(ModelDescriptor.Write(forged), out var problem));
        Assert.Equal("is corrupt (the field 'aux' is not a field of a layer NetGen reads from an initializer ('Linear' with 2 argument(s)))", problem);
    }

    /// <summary>A model in TorchSharp's style whose layers sit in a Sequential built in a field initializer.</summary>
    private static string Features(string features) => Declarations.Usings + $$"""
        namespace Demo;

        [Model(Input = [3, 16, 16])]
        public partial class LeNet : nn.Module<Tensor, Tensor>
        {
            private readonly nn.Module<Tensor, Tensor> features = {{features}};
            private readonly Linear head = nn.Linear(32 * 4 * 4, 10);

            public override Tensor forward(Tensor x) => head.call(features.call(x).flatten(1));
        }
        """;

    [Theory]
    [InlineData("""nn.Sequential(("conv1", nn.Conv2d(3, 16, 3, padding: 1)), ("pool1", nn.MaxPool2d(2)), ("conv2", nn.Conv2d(16, 32, 3, padding: 1)), ("pool2", nn.MaxPool2d(2)))""", "conv2")]
    [InlineData("nn.Sequential(nn.Conv2d(3, 16, 3, padding: 1), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding: 1), nn.MaxPool2d(2))", "2")]
    public void A_sequential_built_in_a_field_is_followed_child_by_child(string features, string secondConv)
    {
        var run = GeneratorHarness.Run(Features(features));

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        var data = Summary(run);
        Assert.Matches($@"row\tfeatures\.{secondConv}\tConv2d\t1\t32,8,8\t4640\t", data);
        // features: 3·16·9 + 16 and 16·32·9 + 32; head: 512·10 + 10.
        Assert.Equal("10218", Regex.Match(data, @"total\t(-?\d+)\t").Groups[1].Value);
    }

    [Fact]
    public void A_wrong_size_inside_a_field_sequential_is_an_error_on_the_call_with_the_chain()
    {
        var run = GeneratorHarness.Run(Features("""nn.Sequential(("conv1", nn.Conv2d(3, 16, 3, padding: 1)), ("pool1", nn.MaxPool2d(2)), ("conv2", nn.Conv2d(8, 32, 3, padding: 1)), ("pool2", nn.MaxPool2d(2)))"""));

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0101", error.Id);
        Assert.Equal("features.call(x)", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains("features.conv2 expects 8 input channels but receives 16", error.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>One child NetGen cannot read, or names that would not keep the keys apart, leave the whole Sequential unchecked.</summary>
    [Theory]
    [InlineData("""nn.Sequential(("conv1", nn.Conv2d(3, 16, 3, TorchSharp.Padding.Same)), ("pool1", nn.MaxPool2d(4)))""")]
    [InlineData("""nn.Sequential(("conv1", nn.Conv2d(3, 16, 3, padding: 1)), ("conv1", nn.MaxPool2d(4)))""")]
    [InlineData("""nn.Sequential(("conv.1", nn.Conv2d(3, 16, 3, padding: 1)), ("pool1", nn.MaxPool2d(4)))""")]
    [InlineData("nn.Sequential(nn.Conv2d(3, 16, 3, padding: 1), nn.Sequential(nn.Conv2d(16, 16, 3, TorchSharp.Padding.Same), nn.MaxPool2d(4)))")]
    [InlineData("nn.Sequential(new nn.Module<Tensor, Tensor>[] { nn.Conv2d(3, 16, 3, padding: 1) }.Concat(new[] { nn.MaxPool2d(4) }))")]
    public void A_field_sequential_NetGen_cannot_read_whole_stays_unchecked(string features)
    {
        var run = GeneratorHarness.Run(Features(features).Replace("32 * 4 * 4", "99", System.StringComparison.Ordinal).Replace("using NetGen;", "using System.Linq;\nusing NetGen;", System.StringComparison.Ordinal));

        BoundaryAssert.Unchecked(run, "features");
    }

    /// <summary>
    /// An argument passed by position is read as the catalogue's when the called factory's own parameter names say it is
    /// that argument (<c>ConvTranspose2d(in_channels, out_channels, kernel_size, stride, padding, …)</c>), as DCGAN's
    /// generator writes them; a mistake among them is then an error too.
    /// </summary>
    [Theory]
    [InlineData(64, null)]
    [InlineData(48, "features.3 expects 48 input channels but receives 64")]
    public void Positional_arguments_are_read_where_the_factorys_parameter_names_match(int secondIn, string? error)
    {
        var run = GeneratorHarness.Run(Declarations.Usings + $$"""
            namespace Demo;

            [Model(Input = [100])]
            public partial class LeNet : nn.Module<Tensor, Tensor>
            {
                private readonly Sequential features = nn.Sequential(
                    nn.ConvTranspose2d(100, 64, 4, 1, 0, bias: false), nn.BatchNorm2d(64), nn.ReLU(true),
                    nn.ConvTranspose2d({{secondIn}}, 1, 4, 2, 1, bias: false), nn.Tanh());

                public override Tensor forward(Tensor z) => features.call(z.view(-1, 100, 1, 1));
            }
            """);

        Assert.Empty(run.CompilationErrors);
        if (error is null)
        {
            Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
            // 100·64·4·4, 2·64, 64·1·4·4; stride 2 and padding 1 take 4×4 to 8×8.
            Assert.Equal((102_400 + 128 + 1_024).ToString(CultureInfo.InvariantCulture), Regex.Match(Summary(run), @"total\t(-?\d+)\t").Groups[1].Value);
            Assert.Matches(@"row\tfeatures\.3\tConvTranspose2d\t1\t1,8,8\t1024\t", Summary(run));
        }
        else
        {
            var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal("NG0101", diagnostic.Id);
            Assert.Contains(error, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_field_sequential_of_a_block_from_another_assembly_is_carried_in_its_descriptor()
    {
        var library = Features("""nn.Sequential(("conv1", nn.Conv2d(3, 16, 3, padding: 1)), ("pool1", nn.MaxPool2d(2)), ("conv2", nn.Conv2d(16, 32, 3, padding: 1)), ("pool2", nn.MaxPool2d(2)))""");
        var head = CrossAssembly.TwoAssemblies.ParsedModel(CrossAssembly.TwoAssemblies.LibraryRun(library), "Demo.LeNet");
        var read = ModelDescriptor.Read(ModelDescriptor.Write(head), out var problem)!;

        Assert.Null(problem);
        var features = read.Members.Single(m => m.Name == "features").KnownChildren;
        Assert.Equal(["conv1", "pool1", "conv2", "pool2"], features.Select(c => c.Name));
        Assert.Equal(head.Members.Single(m => m.Name == "features").KnownChildren.Select(c => c.Args.Count), features.Select(c => c.Args.Count));

        var forged = head with
        {
            Members = head.Members.Select(m => m.Name == "features" ? m with { KnownChildren = m.KnownChildren.Select((c, i) => i == 2 ? c with { Name = "conv1" } : c).ToEquatableArray() } : m).ToEquatableArray(),
        };
        Assert.Null(ModelDescriptor.Read(ModelDescriptor.Write(forged), out problem));
        Assert.Equal("is corrupt (the field 'features' is not a field of a Sequential NetGen reads from an initializer (4 child(ren)))", problem);
    }

    /// <summary>The fields whose layers were read from their initializers, with the arguments, locations left out.</summary>
    private static string FieldLayers(ModelSpec model) => string.Join(" | ", model.Members.Where(m => m.KnownLayerHasArguments)
        .Select(m => string.Join(" ", new[] { m.Name, m.KnownLayer!.Kind.Name }.Concat(m.KnownLayer.Args.Select(a => a.Name + "=" + a.Value)))));

    private static string Summary(GeneratorRun run) => SummaryData.Of(run, "Demo.LeNet.g.cs", "LeNet");
}
