namespace NetGen.Generator.Tests.CrossAssembly;

/// <summary>
/// <c>[Gate]</c>, <c>[Chunk]</c> and <c>[Split]</c> travel in the descriptor: a consumer walks another assembly's
/// squeeze-excitation, ShuffleNet unit and partial convolution with their multiply, chunk and uneven split, so it finds exactly what it would find with the blocks in its
/// own project, and no error where the blocks are used correctly.
/// </summary>
public sealed class GateAndChunkAcrossAssembliesTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Blocks = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Lib;

        [Model(Input = ["c", 14, 14])]
        [Gate]
        public partial class SE : nn.Module<Tensor, Tensor>
        {
            public partial SE(int c = 16, int s = 4);
            [AdaptiveAvgPool2d(1)] public partial AdaptiveAvgPool2d avgpool { get; }
            [Conv2d("c", "s", 1), ReLU] public partial Conv2d fc1 { get; }
            [Conv2d("s", "c", 1), Sigmoid] public partial Conv2d fc2 { get; }
        }

        [Model(Input = ["inp", 28, 28])]
        [Chunk(2, When = "stride == 1")]
        public partial class Unit : nn.Module<Tensor, Tensor>
        {
            public partial Unit(int inp = 24, int oup = 24, int stride = 1);

            [Branch, When("stride > 1")]
            [Conv2d("inp", "oup / 2", 1, Stride = "stride", Bias = false), BatchNorm2d("oup / 2")]
            public partial Sequential? branch1 { get; }

            [Branch]
            [Conv2d("stride > 1 ? inp : oup / 2", "oup / 2", 3, Stride = "stride", Padding = 1, Bias = false), BatchNorm2d("oup / 2")]
            public partial Sequential branch2 { get; }

            [ChannelShuffle(2)] public partial ChannelShuffle shuffle { get; }
        }

        [Model(Input = ["c", 14, 14])]
        [Split("keep", "c - keep")]
        public partial class PConv : nn.Module<Tensor, Tensor>
        {
            public partial PConv(int c = 16, int keep = 12);
            [Branch, Identity] public partial Identity untouched { get; }
            [Branch, Conv2d("c - keep", "c - keep", 3, Padding = 1)] public partial Conv2d mixed { get; }
        }
        """;

    private static string Consumer(string seChannels, string afterShuffle, string keep = "40") => $$"""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Model(Input = [3, 56, 56])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 24, 3, Padding = 1)] public partial Conv2d stem { get; }
            [Block({{seChannels}}, 6)] public partial Lib.SE se { get; }
            [Conv2d(24, 24, 3, Padding = 1)] public partial Conv2d conv { get; }
            [Block(24, 48, 2)] public partial Lib.Unit down { get; }
            [Block(48, 48, 1)] public partial Lib.Unit same { get; }
            [Block(48, {{keep}})] public partial Lib.PConv pconv { get; }
            [Conv2d({{afterShuffle}}, 10, 3)] public partial Conv2d head { get; }
        }
        """;

    [Fact]
    public void A_correct_consumer_gets_no_diagnostic_across_the_boundary()
    {
        var across = TwoAssemblies.Consumer(TwoAssemblies.Library(Blocks), Consumer("24", "48"));
        Assert.Empty(TwoAssemblies.ConsumerDiagnostics(across));
        Assert.Empty(across.CompilationErrors);
    }

    [Theory]
    [InlineData("32", "48")]
    [InlineData("24", "64")]
    [InlineData("24", "48", "56")]
    public void A_wrong_use_is_reported_as_within_one_project(string seChannels, string afterShuffle, string keep = "40")
    {
        var library = TwoAssemblies.Library(Blocks);
        var across = TwoAssemblies.ConsumerDiagnostics(TwoAssemblies.Consumer(library, Consumer(seChannels, afterShuffle, keep)));
        var within = TwoAssemblies.ConsumerDiagnostics(TwoAssemblies.OneProject([Blocks], [Consumer(seChannels, afterShuffle, keep)]));

        output.WriteLine(string.Join("\n", across));
        Assert.NotEmpty(across);
        Assert.Equal(within, across);
        Assert.Contains(across, d => d.StartsWith("NG0107", System.StringComparison.Ordinal) || d.StartsWith("NG0101", System.StringComparison.Ordinal));
        Assert.DoesNotContain(across, d => d.StartsWith("NG0103", System.StringComparison.Ordinal));
    }
}
