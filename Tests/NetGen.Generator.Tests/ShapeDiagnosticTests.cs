using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>Every shape diagnostic on the offending argument or attribute, through markup, and the messages' content.</summary>
public sealed class ShapeDiagnosticTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    [Fact]
    public Task Conv_to_conv_channel_mismatch_is_on_in_channels() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)] public partial Conv2d conv1 { get; }
            [Conv2d({|NG0101:64|}, 64, 3)] public partial Conv2d conv2 { get; }
        }
        """);

    [Fact]
    public Task Conv_to_norm_channel_mismatch_is_on_num_features() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)] public partial Conv2d conv1 { get; }
            [BatchNorm2d({|NG0101:16|})] public partial BatchNorm2d bn { get; }
        }
        """);

    [Fact]
    public Task A_spatial_size_that_collapses_is_reported_on_the_layer() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 4, 4])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [{|NG0103:Conv2d(3, 8, 7)|}] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task Groups_that_do_not_divide_are_on_the_groups_argument() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [64, 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(64, 64, 3, {|NG0104:Groups = 3|})] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task A_residual_add_of_unequal_shapes_is_on_the_shortcut() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [64, 8, 8])]
        [Residual(Shortcut = "right")]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(64, 128, 3, Stride = 2, Padding = 1)] public partial Conv2d left { get; }
            [BatchNorm2d(64)] public partial BatchNorm2d {|NG0105:right|} { get; }
        }
        """);

    [Fact]
    public Task A_missing_projection_is_a_residual_mismatch() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [64, 8, 8])]
        [Residual]
        public partial class {|NG0105:M|} : nn.Module<Tensor, Tensor>
        {
            [Conv2d(64, 128, 3, Padding = 1)] public partial Conv2d left { get; }
        }
        """);

    [Fact]
    public Task A_concat_with_unequal_spatial_sizes_is_on_the_branch() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16, 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Branch, Conv2d(16, 8, 1)] public partial Conv2d b1 { get; }
            [Branch, Conv2d(16, 8, 3)] public partial Conv2d {|NG0106:b3|} { get; }
        }
        """);

    [Fact]
    public Task A_block_used_with_channels_that_do_not_fit_is_on_the_use_site() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["channels", 8, 8])]
        public partial class Block : nn.Module<Tensor, Tensor>
        {
            public partial Block(int channels);
            [Conv2d({|NG0111:"channels"|}, 16, 3, Padding = 1)] public partial Conv2d conv { get; }
        }

        [Model(Input = [3, 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 64, 1)] public partial Conv2d stem { get; }
            [Block(32)] public partial Block {|NG0107:block|} { get; }
        }
        """);

    [Fact]
    public Task A_size_that_cannot_be_inferred_without_an_input_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model]
        public partial class {|NG0100:M|} : nn.Module<Tensor, Tensor>
        {
            [{|NG0109:Linear(10)|}] public partial Linear head { get; }
        }
        """);

    [Theory]
    [InlineData("")]
    [InlineData("public override Tensor forward(Tensor x) => b.call(a.call(x));")]
    public void A_size_after_a_formula_argument_is_that_formula(string forward)
    {
        // The formula was written as one name, "@(dim + 1) * 2", which did not compile (CS1646); through a hand-written
        // forward it was not inferred at all (NG0109). Found from outside, with ConvNeXt's Linear(dim, 4 * dim).
        var run = GeneratorHarness.Run(Usings + $$"""
            [Model(Input = ["dim"])]
            public partial class M : nn.Module<Tensor, Tensor>
            {
                public partial M(int dim = 16);
                [Linear("(dim + 1) * 2")] public partial Linear a { get; }
                [Linear(10)] public partial Linear b { get; }
                {{forward}}
            }
            """);

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("nn.Linear(checked(((@dim + 1) * 2)), 10)", run.Generated("M.g.cs"));
    }

    [Fact]
    public void A_size_NetGen_cannot_write_in_hyperparameters_is_said_as_it_is_with_the_defaults()
    {
        // NetGen's sizes are a number, a hyperparameter or a formula given as an argument, so a flattened dim × 8 × 8 is
        // not inferred; NG0109 said "the size it receives is not known at compile time", which it was, at the defaults.
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = ["dim", 8, 8])]
            public partial class M : nn.Module<Tensor, Tensor>
            {
                public partial M(int dim = 16);
                [Flatten] [Linear(10)] public partial Linear a { get; }
            }
            """);

        var message = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0109").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("in_features of 'a' is omitted but cannot be inferred: it receives 1024 with the default hyperparameters (dim = 16), but NetGen "
            + "cannot write that in terms of the hyperparameters (it follows a hyperparameter, or a formula given as a layer's argument, but not "
            + "what a flatten, a concatenation or a reshape makes of one); give the size (a number or an expression of the hyperparameters)", message);
    }

    [Fact]
    public void Through_a_hand_written_forward_NG0109_keeps_its_reason_and_adds_the_size_with_the_defaults()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = ["dim", 8, 8])]
            public partial class M : nn.Module<Tensor, Tensor>
            {
                public partial M(int dim = 16);
                [Linear(10)] public partial Linear a { get; }
                public override Tensor forward(Tensor x) => a.call(x.flatten(1));
            }
            """);

        var message = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0109").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.EndsWith("NetGen follows the hand-written forward of 'M' but cannot tell what 'a' receives there (a size is inferred only where every "
            + "call of the member passes the same input, of known shape); give the size (it receives 1024 with the default hyperparameters (dim = 16))", message);
    }

    [Fact]
    public void The_seed_Net_with_64x55x55_fails_naming_186624_and_the_chain()
    {
        var source = RepositoryFiles.Read("Samples/NetGen.SeedModels/Net.cs")
            .Replace("public partial Net(int flat = 64 * 54 * 54, int numClasses = 101);", "")
            .Replace("Linear(\"flat\", 256)", "Linear(64 * 55 * 55, 256)")
            .Replace("\"numClasses\"", "101");

        var run = GeneratorHarness.Run(source);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0102", error.Id);
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("186624", message);
        Assert.Contains("193600", message);
        Assert.Contains("3×224×224 →conv1 k3→ 32×222×222 →pool1 /2→ 32×111×111", message);
        Assert.True(message.Contains("64×54×54 →flatten→ 186624"), message);
        Assert.Equal("64 * 55 * 55", source.Substring(error.Location.SourceSpan.Start, error.Location.SourceSpan.Length));
    }

    [Fact]
    public void The_seed_Net_without_the_hand_computed_size_infers_186624()
    {
        var source = RepositoryFiles.Read("Samples/NetGen.SeedModels/Net.cs")
            .Replace("public partial Net(int flat = 64 * 54 * 54, int numClasses = 101);", "")
            .Replace("Linear(\"flat\", 256)", "Linear(256)")
            .Replace("\"numClasses\"", "101");

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        Assert.Contains("global::TorchSharp.torch.nn.Linear(186624L, 256)", run.Generated("NetGen.Samples.Net.g.cs").Replace("186624,", "186624L,"));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public Task Linear_in_features_that_differ_from_the_flattened_size_are_on_the_argument() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [8, 4, 4])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Flatten, Linear({|NG0102:100|}, 10)] public partial Linear fc { get; }
        }
        """);

    [Fact]
    public Task A_sample_of_the_wrong_rank_is_a_shape_error_on_the_layer() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [{|NG0108:Conv2d(16, 8, 3)|}] public partial Conv2d conv { get; }
        }
        """);
}
