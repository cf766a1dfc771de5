using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.ForwardAnalysis;

/// <summary>
/// An audio model as its PyTorch code writes it, found from outside: <c>F.max_pool1d</c> between 1-d convolutions, and a
/// GRU in a plain field built by TorchSharp's own factory. Both were boundaries, after which the head's size was NG0109.
/// </summary>
public sealed class SequenceFieldTests
{
    private static GeneratorRun Run(string fields, string forward) => GeneratorHarness.Run(ForwardExamples.Usings + $$"""
        [Model(Input = [40, 100])]
        public partial class Keywords : nn.Module<Tensor, Tensor>
        {
            [Conv1d(40, 64, 5, Padding = 2)] public partial Conv1d conv { get; }
            [Linear(12)] public partial Linear head { get; }
            {{fields}}
            public override Tensor forward(Tensor x)
            {
                {{forward}}
            }
        }
        """);

    [Theory]
    [InlineData("nn.functional.max_pool1d(conv.call(x), 2)", 64 * 50)]
    [InlineData("nn.functional.max_pool1d(conv.call(x), 3, 2, 1)", 64 * 50)]      // (100 + 2 − 3) / 2 + 1
    [InlineData("nn.functional.avg_pool1d(conv.call(x), 4)", 64 * 25)]
    [InlineData("nn.functional.max_pool1d(conv.call(x)[0], 2).unsqueeze(0)", 64 * 50)]  // one unbatched sample, 64×100
    public void A_one_dimensional_pooling_is_followed(string pooled, int features)
    {
        var run = Run("", $"return head.call({pooled}.flatten(1));");

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity > DiagnosticSeverity.Info || d.Id is "NG0100" or "NG0110");
        Assert.Contains($"nn.Linear({features}, 12)", run.Generated("Keywords.g.cs"));
    }

    [Fact]
    public void A_GRU_field_built_by_TorchSharps_factory_gives_its_output_and_state()
    {
        var run = Run("private readonly GRU gru = nn.GRU(64, 32, batchFirst: true);", """
            var (sequence, _) = gru.call(conv.call(x).transpose(1, 2));
            return head.call(sequence.mean(new long[] { 1 }));
            """);

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity > DiagnosticSeverity.Info || d.Id is "NG0100" or "NG0110");
        Assert.Contains("nn.Linear(32, 12)", run.Generated("Keywords.g.cs"));
    }

    [Theory]
    [InlineData("[GRU(64, 32, BatchFirst = true)] public partial GRU gru { get; }", "var (sequence, _) = gru.call(conv.call(x).transpose(1, 2));")]
    [InlineData("[LSTM(64, 32, BatchFirst = true)] public partial LSTM gru { get; }", "var (sequence, _, _) = gru.call(conv.call(x).transpose(1, 2));")]
    public void A_recurrent_layer_member_gives_its_output_and_states_as_TorchSharp_does(string member, string call)
    {
        // Such a member gave one tensor, so deconstructing its call (as C# must) left the output unknown.
        var run = Run(member, call + "\nreturn head.call(sequence.mean(new long[] { 1 }));");

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity > DiagnosticSeverity.Info || d.Id is "NG0100" or "NG0110");
        Assert.Contains("nn.Linear(32, 12)", run.Generated("Keywords.g.cs"));
    }

    [Fact]
    public void A_GRU_field_that_does_not_fit_its_input_is_an_error_on_the_call()
    {
        var run = Run("private readonly GRU gru = nn.GRU(48, 32, batchFirst: true);", """
            var (sequence, _) = gru.call(conv.call(x).transpose(1, 2));
            return head.call(sequence.mean(new long[] { 1 }));
            """);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith("gru.call(", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
    }
}
