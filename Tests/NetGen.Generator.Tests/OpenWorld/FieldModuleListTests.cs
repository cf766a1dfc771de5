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
/// A <c>ModuleList</c> built in a field initializer, <c>nn.ModuleList&lt;Module&lt;Tensor, Tensor&gt;&gt;(nn.Linear(32, 64), …)</c>,
/// is how transformer-style TorchSharp code keeps its stack of layers, and the forward walks it with <c>foreach</c>,
/// <c>layers[i]</c> or a <c>for</c> up to <c>layers.Count</c>. NetGen reads its children, follows each call, and counts
/// them; nothing chains them but the forward. A container whose children code may change stays unchecked.
/// </summary>
public sealed class FieldModuleListTests
{
    private static string Mixer(string second = "nn.Linear(64, 32)", string loop = "foreach (var layer in layers) x = nn.functional.gelu(layer.call(x));", string extra = "", string field = "private readonly") => Declarations.Usings + $$"""
        namespace Demo;

        [Model(Input = [16, 32])]
        public partial class Mixer : nn.Module<Tensor, Tensor>
        {
            {{field}} ModuleList<nn.Module<Tensor, Tensor>> layers = nn.ModuleList<nn.Module<Tensor, Tensor>>(nn.Linear(32, 64), {{second}});
            private readonly Linear head = nn.Linear(32, 3);
            {{extra}}

            public override Tensor forward(Tensor x)
            {
                {{loop}}
                return head.call(x.mean(new long[] { 1 }));
            }
        }
        """;

    [Theory]
    [InlineData("foreach (var layer in layers) x = nn.functional.gelu(layer.call(x));")]
    [InlineData("x = layers[0].call(x); x = layers[1].call(x);")]
    [InlineData("for (var i = 0; i < layers.Count; i++) x = layers[i].call(x);")]
    public void A_module_list_in_a_field_is_followed_call_by_call_and_counted(string loop)
    {
        var run = GeneratorHarness.Run(Mixer(loop: loop));

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        var data = SummaryData.Of(run, "Demo.Mixer.g.cs", "Mixer");
        // layers.0 32·64 + 64, layers.1 64·32 + 32, head 32·3 + 3.
        Assert.Equal((2_112 + 2_080 + 99).ToString(CultureInfo.InvariantCulture), Regex.Match(data, @"total\t(-?\d+)\t").Groups[1].Value);
        Assert.Matches(@"row\tlayers\tModuleList\t0\t", data);
        // Each child's row comes from what the forward passed it.
        Assert.Matches(@"row\tlayers\.1\tLinear\t1\t16,32\t2080\t", data);
    }

    [Fact]
    public void The_lists_keys_are_typed()
    {
        var run = GeneratorHarness.Run(Mixer(extra: "public const string Second = Keys.layers._1.weight;"));

        Assert.Empty(run.CompilationErrors);
        Assert.Contains("\"layers.1.weight\"", run.Generated("Demo.Mixer.g.cs"), System.StringComparison.Ordinal);
    }

    /// <summary>The forward chains the children, so a child that does not fit what the one before gives is an error on its call.</summary>
    [Theory]
    [InlineData("foreach (var layer in layers) x = nn.functional.gelu(layer.call(x));", "layer.call(x)")]
    [InlineData("x = layers[0].call(x); x = layers[1].call(x);", "layers[1].call(x)")]
    public void A_child_that_does_not_fit_is_an_error_on_its_call(string loop, string call)
    {
        var run = GeneratorHarness.Run(Mixer(second: "nn.Linear(48, 32)", loop: loop));

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0102", error.Id);
        Assert.Equal(call, error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains("layers.1: Linear in_features 48 ≠ 64", error.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>Heads side by side: nothing chains a ModuleList's children but the forward, so two that would not chain are no error.</summary>
    [Fact]
    public void Children_used_side_by_side_are_not_chained()
    {
        var run = GeneratorHarness.Run(Mixer(
            second: "nn.Linear(32, 5)",
            loop: "x = cat(new[] { layers[0].call(x), layers[1].call(x) }, -1);").Replace("nn.Linear(32, 3)", "nn.Linear(69, 3)", System.StringComparison.Ordinal));

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
    }

    /// <summary>
    /// Code that may change the children (<c>Add</c>, an element assigned, the list handed to other code), or a list other
    /// code can reach, leaves it unchecked: the same mistake is then no error, and NG0110 names it.
    /// </summary>
    [Theory]
    [InlineData("private readonly", "public void Grow() => layers.Add(nn.Linear(32, 32));")]
    [InlineData("private readonly", "public void Swap() => layers[1] = nn.Linear(64, 32);")]
    [InlineData("private readonly", "public void Give() => Helper.Touch(layers);")]
    [InlineData("public readonly", "")]
    public void A_list_whose_children_may_change_stays_unchecked(string field, string extra)
    {
        const string helper = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace Demo;

            public static class Helper
            {
                public static void Touch(ModuleList<nn.Module<Tensor, Tensor>> list) => list.RemoveAt(0);
            }
            """;
        var run = GeneratorHarness.Run(Mixer(second: "nn.Linear(48, 32)", extra: extra, field: field), helper);

        BoundaryAssert.Unchecked(run, "layers");
    }

    /// <summary>TorchSharp's <c>Sequential.append</c> grows a Sequential field, so a field Sequential the model appends to is unchecked too.</summary>
    [Fact]
    public void A_sequential_field_the_model_appends_to_stays_unchecked()
    {
        var run = GeneratorHarness.Run(Declarations.Usings + """
            namespace Demo;

            [Model(Input = [3, 8, 8])]
            public partial class Grown : nn.Module<Tensor, Tensor>
            {
                private readonly Sequential features = nn.Sequential(nn.Conv2d(3, 8, 3, padding: 1));
                private readonly Linear head = nn.Linear(8 * 8 * 8, 10);

                public void Widen() => features.append(nn.Conv2d(8, 16, 1));

                public override Tensor forward(Tensor x) => head.call(features.call(x).flatten(1));
            }
            """);

        BoundaryAssert.Unchecked(run, "features");
    }

    [Fact]
    public void A_module_list_field_is_carried_in_the_descriptor()
    {
        var mixer = CrossAssembly.TwoAssemblies.ParsedModel(CrossAssembly.TwoAssemblies.LibraryRun(Mixer()), "Demo.Mixer");
        var read = ModelDescriptor.Read(ModelDescriptor.Write(mixer), out var problem)!;

        Assert.Null(problem);
        var layers = read.Members.Single(m => m.Name == "layers");
        Assert.True(layers.KnownChildrenAreModuleList);
        Assert.Equal(["Linear", "Linear"], layers.KnownChildren.Select(c => c.Kind.Name));
        Assert.Equal(Arguments(mixer.Members.Single(m => m.Name == "layers").KnownChildren), Arguments(layers.KnownChildren));

        var forged = mixer with
        {
            Members = mixer.Members.Select(m => m.Name == "head" ? m with { KnownLayer = null, KnownLayerHasArguments = false, KnownChildren = mixer.Members.Single(l => l.Name == "layers").KnownChildren, KnownChildrenAreModuleList = true } : m).ToEquatableArray(),
        };
        Assert.Null(ModelDescriptor.Read(ModelDescriptor.Write(forged), out problem));
        Assert.Contains("the field 'head' is not a field of a ModuleList", problem);
    }

    private static string[] Arguments(EquatableArray<LayerSpec> children) =>
        children.Select(c => c.Kind.Name + "(" + string.Join(", ", c.Args.Select(a => a.Name + "=" + a.Value)) + ")").ToArray();
}
