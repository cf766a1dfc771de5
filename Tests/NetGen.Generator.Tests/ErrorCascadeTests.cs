using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.ForwardAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// One mistake reads as one error. A shape error leaves the shapes after it unknown; an omitted size there was also
/// NG0109 ("cannot be inferred"), once per size, which buried the error that caused them (found from outside: one odd
/// <c>F.pad</c> gave one NG0108 and five NG0109). Those sizes are now left to the error, and the model is still not
/// generated. An omitted size NetGen cannot infer for its own reason is still NG0109.
/// </summary>
public sealed class ErrorCascadeTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    [Fact]
    public Task A_size_after_a_collapse_is_left_to_the_collapse() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [{|NG0103:Conv2d(3, 16, 11)|}] public partial Conv2d conv1 { get; }
            [Conv2d(32, 3)] public partial Conv2d conv2 { get; }
            [Flatten] [Linear(10)] public partial Linear head { get; }
        }
        """);

    [Fact]
    public void A_model_with_a_size_left_to_an_error_is_not_generated()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = [3, 8, 8])]
            public partial class M : nn.Module<Tensor, Tensor>
            {
                [Conv2d(3, 16, 11)] public partial Conv2d conv1 { get; }
                [Flatten] [Linear(10)] public partial Linear head { get; }
            }

            public static class Checkpoints
            {
                public static string[] Wanted => [M.Keys.conv1.weight, M.Keys.head.Prefix];
            }
            """);

        Assert.Equal("NG0103", Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error).Id);
        Assert.Contains("NetGen did not generate 'M' because its declaration has errors", run.Generated("M.g.cs"));
        // The keys are still there, so code that uses them is not a second error (CS0117) while the first is fixed.
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public Task A_channel_mismatch_recovers_so_the_sizes_after_it_are_still_inferred() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 16, 3)] public partial Conv2d conv1 { get; }
            [Conv2d({|NG0101:64|}, 32, 3)] public partial Conv2d conv2 { get; }
            [BatchNorm2d] public partial BatchNorm2d bn { get; }
        }
        """);

    [Fact]
    public Task A_collapse_keeps_the_channels_so_a_channel_mistake_after_it_is_still_found() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [{|NG0103:Conv2d(3, 16, 11)|}] public partial Conv2d conv1 { get; }
            [Conv2d({|NG0101:32|}, 8, 3)] public partial Conv2d conv2 { get; }
            [BatchNorm2d] public partial BatchNorm2d bn { get; }
        }
        """);

    [Fact]
    public Task A_pooling_that_collapses_keeps_the_channels_it_received() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 16, 3)] public partial Conv2d conv1 { get; }
            [{|NG0103:MaxPool2d(8)|}] public partial MaxPool2d pool { get; }
            [BatchNorm2d({|NG0101:8|})] public partial BatchNorm2d bn { get; }
        }
        """);

    [Theory]
    [InlineData("new long[] { 1, 1, 2 }")]
    [InlineData("new long[] { -5, -5 }")]
    public void A_size_after_a_mistake_in_a_hand_written_forward_is_left_to_the_mistake(string pad)
    {
        var run = GeneratorHarness.Run(ForwardExamples.Usings + $$"""
            [Model(Input = [1, 8, 8])]
            public partial class Padded : nn.Module<Tensor, Tensor>
            {
                [Conv2d(4, 3, Padding = 1)] public partial Conv2d conv { get; }
                [Linear(6)] public partial Linear hidden { get; }
                [Linear(3)] public partial Linear head { get; }
                public override Tensor forward(Tensor x) => head.call(hidden.call(nn.functional.pad(conv.call(x), {{pad}}).flatten(1)));
            }
            """);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0108", error.Id);
        Assert.StartsWith("nn.functional.pad(", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains("NetGen did not generate 'Padded'", run.Generated("Padded.g.cs"));
    }

    [Fact]
    public void A_size_NetGen_cannot_infer_before_the_mistake_is_still_reported()
    {
        // 'early' receives what an unmodelled im2col gives, before the mistake: its size is NetGen's own gap, not the mistake's.
        var run = GeneratorHarness.Run(ForwardExamples.Usings + """
            [Model(Input = [1, 8, 8])]
            public partial class Padded : nn.Module<Tensor, Tensor>
            {
                [Conv2d(4, 3, Padding = 1)] public partial Conv2d conv { get; }
                [Linear(5)] public partial Linear early { get; }
                [Linear(3)] public partial Linear head { get; }
                public override Tensor forward(Tensor x)
                {
                    var side = early.call(nn.functional.unfold(x, 2).flatten(1));
                    var padded = nn.functional.pad(conv.call(x), new long[] { 1, 1, 2 });
                    return head.call(padded.flatten(1)) + side.sum();
                }
            }
            """);

        // (and NG0110, naming F.unfold as where checking stopped)
        var errors = run.GeneratorDiagnostics.Where(d => d.Id is not "NG0110" && d.Severity == DiagnosticSeverity.Error).OrderBy(d => d.Id).ToList();
        Assert.Equal(["NG0108", "NG0109"], errors.Select(d => d.Id));
        Assert.Contains("in_features of 'early' is omitted but cannot be inferred", errors[1].GetMessage(CultureInfo.InvariantCulture));
    }
}
