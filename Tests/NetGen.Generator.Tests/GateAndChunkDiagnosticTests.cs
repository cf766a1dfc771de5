using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// The <c>[Gate]</c>, <c>[Chunk]</c>, <c>[Mean]</c> and <c>[ChannelShuffle]</c> forms: each impossible shape is an NG
/// diagnostic on the span that causes it, with the arithmetic, and their correct uses (torchvision's
/// SqueezeExcitation and ShuffleNetV2) get none.
/// </summary>
public sealed class GateAndChunkDiagnosticTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    private const string ShuffleUnit = """
        [Model(Input = ["inp", 28, 28])]
        [Chunk(2, When = "stride == 1")]
        public partial class Unit : nn.Module<Tensor, Tensor>
        {
            public partial Unit(int inp, int oup, int stride);

            [Branch, When("stride > 1")]
            [Conv2d("inp", "inp", 3, Stride = "stride", Padding = 1, Groups = "inp", Bias = false), BatchNorm2d("inp")]
            [Conv2d("inp", "oup / 2", 1, Bias = false), BatchNorm2d("oup / 2"), ReLU(Inplace = true)]
            public partial Sequential? branch1 { get; }

            [Branch]
            [Conv2d(BRANCH2_IN, "oup / 2", 1, Bias = false), BatchNorm2d("oup / 2"), ReLU(Inplace = true)]
            [Conv2d("oup / 2", "oup / 2", 3, Stride = "stride", Padding = 1, Groups = "oup / 2", Bias = false), BatchNorm2d("oup / 2")]
            public partial Sequential branch2 { get; }

            [ChannelShuffle(2)]
            public partial ChannelShuffle shuffle { get; }
        }

        """;

    [Fact]
    public Task A_gate_whose_channels_differ_from_the_input_is_on_its_last_member() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16, 14, 14])]
        [Gate]
        public partial class SE : nn.Module<Tensor, Tensor>
        {
            [AdaptiveAvgPool2d(1)] public partial AdaptiveAvgPool2d avgpool { get; }
            [Conv2d(16, 4, 1), ReLU] public partial Conv2d fc1 { get; }
            [Conv2d(4, 8, 1), Sigmoid] public partial Conv2d {|NG0108:fc2|} { get; }
        }
        """);

    [Fact]
    public void The_gate_message_names_both_shapes_and_the_dimension()
    {
        var result = GeneratorHarness.Run(Usings + """
            [Model(Input = [16, 14, 14])]
            [Gate]
            public partial class SE : nn.Module<Tensor, Tensor>
            {
                [AdaptiveAvgPool2d(1)] public partial AdaptiveAvgPool2d avgpool { get; }
                [Conv2d(16, 4, 1), ReLU] public partial Conv2d fc1 { get; }
                [Conv2d(4, 8, 1), Sigmoid] public partial Conv2d fc2 { get; }
            }
            """);
        var error = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "NG0108").GetMessage();
        Assert.Contains("the gate 8×1×1 against the input 16×14×14", error);
        Assert.Contains("dim 1 is 8 in the gate and 16 in the input", error);
    }

    [Fact]
    public Task A_gate_used_as_a_block_with_the_wrong_channels_is_on_the_use_site() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["c", 14, 14])]
        [Gate]
        public partial class SE : nn.Module<Tensor, Tensor>
        {
            public partial SE(int c = 16, int s = 4);
            [AdaptiveAvgPool2d(1)] public partial AdaptiveAvgPool2d avgpool { get; }
            [Conv2d({|NG0111:"c"|}, "s", 1), ReLU] public partial Conv2d fc1 { get; }
            [Conv2d("s", "c", 1), Sigmoid] public partial Conv2d fc2 { get; }
        }

        [Model(Input = [3, 14, 14])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 1)] public partial Conv2d stem { get; }
            [Block(16, 4)] public partial SE {|NG0107:se|} { get; }
        }
        """);

    [Fact]
    public Task Gate_and_residual_on_one_model_conflict() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16, 14, 14])]
        [Residual]
        [{|NG0011:Gate|}]
        public partial class SE : nn.Module<Tensor, Tensor>
        {
            [Conv2d(16, 16, 1), Sigmoid] public partial Conv2d fc { get; }
        }
        """);

    [Fact]
    public Task Gate_and_chunk_on_a_hand_written_forward_are_ignored_with_a_warning() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16, 14, 14])]
        [{|NG0019:Gate|}]
        [{|NG0019:Chunk(2)|}]
        public partial class SE : nn.Module<Tensor, Tensor>
        {
            [Conv2d(16, 16, 1)] public partial Conv2d fc { get; }
            public override Tensor forward(Tensor input) => fc.call(input);
        }
        """);

    [Fact]
    public Task A_chunk_count_that_is_not_the_number_of_branches_is_on_the_count() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16, 8, 8])]
        [Chunk({|NG0006:3|})]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Branch, Conv2d(6, 8, 1)] public partial Conv2d a { get; }
            [Branch, Conv2d(6, 8, 1)] public partial Conv2d b { get; }
        }
        """);

    [Fact]
    public Task A_chunk_without_branches_is_on_the_count() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16, 8, 8])]
        [Chunk({|NG0006:2|})]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(16, 8, 1)] public partial Conv2d a { get; }
        }
        """);

    [Fact]
    public Task A_chunk_condition_that_is_not_bool_is_on_the_condition() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [16, 8, 8])]
        [Chunk(2, {|NG0010:When = "stride + 1"|})]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int stride = 1);
            [Branch, Conv2d(8, 8, 1)] public partial Conv2d a { get; }
            [Branch, Conv2d(8, 8, 1)] public partial Conv2d b { get; }
        }
        """);

    [Fact]
    public Task Too_few_channels_to_chunk_for_every_branch_is_on_the_chunk() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [4, 8, 8])]
        [{|NG0108:Chunk(3)|}]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Branch, Conv2d(2, 8, 1)] public partial Conv2d a { get; }
            [Branch, Conv2d(2, 8, 1)] public partial Conv2d b { get; }
            [Branch, Conv2d(2, 8, 1)] public partial Conv2d c { get; }
        }
        """);

    [Fact]
    public void The_chunk_message_shows_the_arithmetic()
    {
        var result = GeneratorHarness.Run(Usings + """
            [Model(Input = [4, 8, 8])]
            [Chunk(3)]
            public partial class M : nn.Module<Tensor, Tensor>
            {
                [Branch, Conv2d(2, 8, 1)] public partial Conv2d a { get; }
                [Branch, Conv2d(2, 8, 1)] public partial Conv2d b { get; }
                [Branch, Conv2d(2, 8, 1)] public partial Conv2d c { get; }
            }
            """);
        var error = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "NG0108").GetMessage();
        Assert.Contains("x.chunk(3, dim=1) of 4×8×8 gives 2 chunks (2 + 2: ⌈4 / 3⌉ = 2 each), but 3 branches take one each", error);
    }

    [Fact]
    public Task A_branch_that_expects_the_whole_input_instead_of_its_chunk_is_on_its_in_channels() =>
        GeneratorDiagnosticTest.VerifyAsync(Usings + ShuffleUnit.Replace("BRANCH2_IN", "{|NG0111:\"inp\"|}").Replace("class Unit", "class {|NG0100:Unit|}") + """
            [Model(Input = [3, 56, 56])]
            public partial class Net : nn.Module<Tensor, Tensor>
            {
                [Conv2d(3, 24, 3, Padding = 1)] public partial Conv2d stem { get; }
                [Block(24, 24, 1)] public partial Unit {|NG0107:unit|} { get; }
            }
            """);

    [Fact]
    public void The_chunked_branch_receives_half_the_channels()
    {
        var result = GeneratorHarness.Run(Usings + ShuffleUnit.Replace("BRANCH2_IN", "\"inp\"") + """
            [Model(Input = [3, 56, 56])]
            public partial class Net : nn.Module<Tensor, Tensor>
            {
                [Conv2d(3, 24, 3, Padding = 1)] public partial Conv2d stem { get; }
                [Block(24, 24, 1)] public partial Unit unit { get; }
            }
            """);
        var error = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "NG0107").GetMessage();
        Assert.Contains("unit.branch2.0 expects 24 input channels but receives 12", error);
    }

    [Fact]
    public Task Channel_shuffle_groups_that_do_not_divide_the_channels_are_on_groups() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 10, 1)] public partial Conv2d conv { get; }
            [ChannelShuffle({|NG0104:4|})] public partial ChannelShuffle shuffle { get; }
        }
        """);

    [Fact]
    public void The_channel_shuffle_message_shows_the_division()
    {
        var result = GeneratorHarness.Run(Usings + """
            [Model(Input = [3, 8, 8])]
            public partial class M : nn.Module<Tensor, Tensor>
            {
                [Conv2d(3, 10, 1)] public partial Conv2d conv { get; }
                [ChannelShuffle(4)] public partial ChannelShuffle shuffle { get; }
            }
            """);
        var error = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "NG0104").GetMessage();
        Assert.Contains("10 channels are not divisible by groups 4 (10 = 4 × 2 + 2)", error);
    }

    [Fact]
    public Task A_mean_over_a_dimension_the_input_lacks_is_on_the_layer() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [8, 4, 4])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(8, 16, 1)] public partial Conv2d conv { get; }
            [{|NG0108:Mean(2, 4)|}, Linear(16, 10)] public partial Linear fc { get; }
        }
        """);

    [Fact]
    public Task A_mean_that_keeps_the_wrong_features_for_the_next_layer_is_on_in_features() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [8, 4, 4])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(8, 16, 1)] public partial Conv2d conv { get; }
            [Mean(2, 3), Linear({|NG0102:32|}, 10)] public partial Linear fc { get; }
        }
        """);

    [Fact]
    public void Torchvisions_squeeze_excitation_and_shufflenet_get_no_diagnostic()
    {
        var result = GeneratorHarness.Run(
            RepositoryFiles.Read("Samples/NetGen.Vision/SqueezeExcitation.cs"),
            RepositoryFiles.Read("Samples/NetGen.Vision/ShuffleInvertedResidual.cs"),
            RepositoryFiles.Read("Samples/NetGen.Vision/ShuffleNetV2.cs"));
        var errors = result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Empty(result.CompilationErrors);
    }
}
