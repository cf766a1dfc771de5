using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Wiring;

/// <summary>
/// Several <c>[Repeat&lt;T&gt;(When = "…")]</c> on one member: alternative stages, of which the constructor builds the one
/// whose condition holds (torchvision's <c>ResNet(block, layers)</c>). NG0041 when the alternatives can overlap or leave
/// a value uncovered, each on its span; the alternative the defaults do not build is checked in the model that builds it.
/// </summary>
public sealed class RepeatChoiceTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    /// <summary>Two blocks with different constructors and expansions, like BasicBlock (×1) and Bottleneck (×4).</summary>
    private const string Blocks = """
        public enum Kind { Plain, Expand }

        [Model(Input = ["inp", 8, 8])]
        public partial class Plain : nn.Module<Tensor, Tensor>
        {
            public partial Plain(int inp, int oup);
            [Conv2d("inp", "oup", 3, Padding = 1), ReLU] public partial Conv2d conv { get; }
        }

        [Model(Input = ["inp", 8, 8])]
        public partial class Expand : nn.Module<Tensor, Tensor>
        {
            public partial Expand(int inp, int planes);
            [Conv2d("inp", "planes", 1)] public partial Conv2d reduce { get; }
            [Conv2d("planes", "planes", 3, Padding = 1)] public partial Conv2d mix { get; }
            [Conv2d("planes", "planes * 4", 1), ReLU] public partial Conv2d widen { get; }
        }

        """;

    /// <summary>Two stages, each with one alternative per block: the second stage's Expand alternative fits only after the first stage's Expand.</summary>
    private const string TwoStages = """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(Kind kind = Kind.Plain, int blocks = 2);

            [Repeat<Plain>("blocks", First = [16, 16], Rest = [16, 16], When = "kind == Kind.Plain")]
            [Repeat<Expand>("blocks", First = [16, 16], Rest = [64, 16], When = "kind == Kind.Expand")]
            public partial Sequential stage1 { get; }

            [Repeat<Plain>("blocks", First = [16, 32], Rest = [32, 32], When = "kind == Kind.Plain")]
            [Repeat<Expand>("blocks", First = [64, 32], Rest = [128, 32], When = "kind == Kind.Expand")]
            public partial Sequential stage2 { get; }

            [Mean(2, 3), Linear("kind == Kind.Expand ? 128 : 32", 10)]
            public partial Linear head { get; }
        }
        """;

    [Fact]
    public void The_constructor_builds_the_alternative_whose_condition_holds_and_the_summary_is_the_defaults_one()
    {
        var run = GeneratorHarness.Run(Usings + Blocks + TwoStages);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Net.g.cs");
        Assert.Contains("if (checked((@kind == global::Kind.Plain)))", code);
        Assert.Contains("else if (checked((@kind == global::Kind.Expand)))", code);
        Assert.Contains("this.__f_stage2.append(\"0\", new global::Expand(64, 32));", code);
        Assert.Contains("throw new global::System.ArgumentException(\"Net: exactly one [Repeat] alternative of 'stage1' must hold, but none holds for these hyperparameters\");", code);
        // Both kinds are tried at compile time and exactly one holds for each, so no count is needed at run time.
        Assert.DoesNotContain("__holding_", code);
        // One member, registered once, whichever alternative built it.
        Assert.Equal(2, code.Split("this.register_module(\"stage1\", this.__f_stage1);").Length);
        // The summary is the defaults' (Plain): stage2.1 takes 32 channels and gives 32, 32·32·9 + 32 parameters.
        Assert.Contains("row\\tstage2.1\\tPlain\\t1\\t32,8,8\\t9248\\t", code);
    }

    [Fact]
    public Task The_alternative_the_defaults_do_not_build_raises_no_false_error() =>
        // stage2's Expand alternative expects 64 channels, which only stage1's Expand alternative gives: checked with
        // kind = Expand, it fits; with the defaults (Plain) it is not built, so it is not an error.
        // (NG0100: the model checked on its own, with kind a symbol, cannot tell which stages are built.)
        GeneratorDiagnosticTest.VerifyAsync(Usings + Blocks + TwoStages.Replace("public partial class Net ", "public partial class {|NG0100:Net|} "));

    [Fact]
    public void A_mistake_in_the_alternative_the_defaults_do_not_build_is_reported_with_the_value_that_builds_it()
    {
        // stage2's Expand alternative now expects 32 channels, but stage1's Expand gives 64.
        var wrong = TwoStages.Replace("First = [64, 32]", "First = [32, 32]");
        Assert.NotEqual(TwoStages, wrong);
        var run = GeneratorHarness.Run(Usings + Blocks + wrong);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0107");
        Assert.True(error.GetMessage().Contains("stage2.0", System.StringComparison.Ordinal), error.GetMessage());
        Assert.True(error.GetMessage().Contains("with kind = Kind.Expand (the alternative When = \"kind == Kind.Expand\"; the other hyperparameters at their defaults)", System.StringComparison.Ordinal), error.GetMessage());
        Assert.Equal("stage2", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
    }

    [Fact]
    public void A_bool_selector_works_as_an_enum_does()
    {
        var run = GeneratorHarness.Run(Usings + Blocks + """
            [Model(Input = [16, 8, 8])]
            public partial class Net : nn.Module<Tensor, Tensor>
            {
                public partial Net(bool expand = true, int blocks = 2);

                [Repeat<Plain>("blocks", First = [16, 16], Rest = [16, 16], When = "!expand")]
                [Repeat<Expand>("blocks", First = [16, 16], Rest = [64, 16], When = "expand")]
                public partial Sequential stage { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationErrors);
        // The defaults build Expand: 16 → 64 channels.
        Assert.Contains("row\\tstage\\tSequential\\t0\\t64,8,8\\t", run.Generated("Net.g.cs"));
    }

    [Fact]
    public void Conditions_over_int_parameters_are_counted_when_the_constructor_runs()
    {
        var run = GeneratorHarness.Run(Usings + Blocks + """
            [Model(Input = [16, 8, 8])]
            public partial class Net : nn.Module<Tensor, Tensor>
            {
                public partial Net(int depth = 2);

                [Repeat<Plain>("depth", First = [16, 16], Rest = [16, 16], When = "depth < 4")]
                [Repeat<Expand>("depth", First = [16, 16], Rest = [64, 16], When = "depth >= 4")]
                public partial Sequential stage { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Net.g.cs");
        // NetGen cannot try every int, so the constructor counts the conditions that hold before it builds one.
        Assert.Contains("var __holding_stage = (checked((@depth < 4)) ? 1 : 0) + (checked((@depth >= 4)) ? 1 : 0);", code);
        Assert.Contains("if (__holding_stage > 1)", code);
    }

    [Fact]
    public Task Two_alternatives_that_can_both_hold_are_NG0041_on_the_second_condition() => GeneratorDiagnosticTest.VerifyAsync(Usings + Blocks + """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(bool expand = false, bool wide = false);

            [Repeat<Plain>(2, First = [16, 16], Rest = [16, 16], When = "!expand")]
            [Repeat<Expand>(2, First = [16, 16], Rest = [64, 16], {|NG0041:When = "expand || wide"|})]
            public partial Sequential stage { get; }
        }
        """);

    [Fact]
    public Task A_value_no_alternative_covers_is_NG0041_on_the_member() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        public enum Size { Small, Medium, Large }

        [Model(Input = ["inp", 8, 8])]
        public partial class Plain : nn.Module<Tensor, Tensor>
        {
            public partial Plain(int inp, int oup);
            [Conv2d("inp", "oup", 3, Padding = 1), ReLU] public partial Conv2d conv { get; }
        }

        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(Size size = Size.Small);

            [Repeat<Plain>(2, First = [16, 16], Rest = [16, 16], When = "size == Size.Small")]
            [Repeat<Plain>(3, First = [16, 16], Rest = [16, 16], When = "size == Size.Large")]
            public partial Sequential {|NG0041:stage|} { get; }
        }
        """);

    [Fact]
    public Task Int_conditions_that_overlap_at_the_defaults_are_NG0041() => GeneratorDiagnosticTest.VerifyAsync(Usings + Blocks + """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(int depth = 5);

            [Repeat<Plain>("depth", First = [16, 16], Rest = [16, 16], When = "depth > 1")]
            [Repeat<Expand>("depth", First = [16, 16], Rest = [64, 16], {|NG0041:When = "depth > 2"|})]
            public partial Sequential stage { get; }
        }
        """);

    [Fact]
    public Task A_single_repeat_with_When_is_NG0041() => GeneratorDiagnosticTest.VerifyAsync(Usings + Blocks + """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(bool plain = true);

            [Repeat<Plain>(2, First = [16, 16], Rest = [16, 16], {|NG0041:When = "plain"|})]
            public partial Sequential stage { get; }
        }
        """);

    [Fact]
    public Task An_alternative_without_When_is_NG0041_on_that_attribute() => GeneratorDiagnosticTest.VerifyAsync(Usings + Blocks + """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(bool plain = true);

            [Repeat<Plain>(2, First = [16, 16], Rest = [16, 16], When = "plain")]
            [{|NG0041:Repeat<Expand>(2, First = [16, 16], Rest = [64, 16])|}]
            public partial Sequential stage { get; }
        }
        """);

    [Fact]
    public Task A_condition_that_is_not_bool_is_NG0010() => GeneratorDiagnosticTest.VerifyAsync(Usings + Blocks + """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(int depth = 2);

            [Repeat<Plain>(2, First = [16, 16], Rest = [16, 16], {|NG0010:When = "depth"|})]
            [Repeat<Expand>(2, First = [16, 16], Rest = [64, 16], When = "depth > 2")]
            public partial Sequential stage { get; }
        }
        """);

    [Fact]
    public Task An_alternative_whose_arguments_fit_no_constructor_is_NG0006() => GeneratorDiagnosticTest.VerifyAsync(Usings + Blocks + """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(bool plain = true);

            [Repeat<Plain>(2, First = [16, 16], Rest = [16, 16], When = "plain")]
            [{|NG0006:Repeat<Expand>(2, First = [16, 16, 1], Rest = [64, 16], When = "!plain")|}]
            public partial Sequential stage { get; }
        }
        """);

    [Fact]
    public void Another_assembly_sees_a_member_with_alternatives_as_a_module_it_cannot_see_into()
    {
        var library = CrossAssembly.TwoAssemblies.Library(Usings + "namespace Lib;\n" + Blocks + TwoStages);
        var run = CrossAssembly.TwoAssemblies.Consumer(library, Usings + """
            [Model(Input = [16, 8, 8])]
            public partial class User : nn.Module<Tensor, Tensor>
            {
                [Block] public partial Lib.Net net { get; }
                [Linear(10, 5)] public partial Linear fc { get; }
            }
            """);

        // Descriptor format 1 has no alternatives: the stages are modules NetGen cannot see into there. That is noted
        // (NG0100, and NG0110's list of models checked up to NetGen's boundary), never a shape error.
        Assert.All(CrossAssembly.TwoAssemblies.ConsumerDiagnostics(run), d => Assert.Matches("^NG01(00|10) ", d));
        Assert.Contains(CrossAssembly.TwoAssemblies.ConsumerDiagnostics(run), d => d.StartsWith("NG0110 ", System.StringComparison.Ordinal) && d.Contains("stage1", System.StringComparison.Ordinal));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void A_choice_NetGen_cannot_decide_is_unchecked_and_read_at_run_time_never_an_error()
    {
        // No default: which block is built is known only when the model is constructed.
        var open = TwoStages.Replace("Kind kind = Kind.Plain, int blocks = 2", "Kind kind, int blocks = 2");
        Assert.NotEqual(TwoStages, open);
        var run = GeneratorHarness.Run(Usings + Blocks + open);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationErrors);
        var unchecked_ = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0100");
        Assert.Equal("Net", unchecked_.Location.SourceTree!.GetText().ToString(unchecked_.Location.SourceSpan));
        Assert.Contains("which of its [Repeat] alternatives is built depends on", unchecked_.GetMessage());
        var code = run.Generated("Net.g.cs");
        // Keys has the stage's prefix and no constants; StateSchema asks the built module.
        Assert.Contains("public const string Prefix = \"stage1\";", code);
        Assert.DoesNotContain("\"stage1.0.conv.weight\"", code);
        Assert.Contains("schema.Module(\"stage1\", this.__f_stage1);", code);
    }
}
