using System.Collections.Generic;
using System.Linq;
using NetGen.Vision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// What the two families with a hand-written attention need checked (swin: SwinTransformer.cs with
/// ShiftedWindowAttention.cs; maxvit: MaxVit.cs with RelativePositionalAttention.cs). Their checkpoint rows are in
/// <see cref="TorchvisionCheckpointTests"/>. The attention is a plain TorchSharp module, so the compile-time summary
/// cannot count its entries: it says <c>?</c> for it and for the total rather than guess, and
/// <see cref="ModelSummary.For"/> counts torchvision's parameters on the built model.
/// </summary>
public sealed class HandWrittenAttentionTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Summaries() =>
    [
        [SwinTransformer.Summary, nameof(ShiftedWindowAttention), 12],
        [MaxVit.Summary, nameof(RelativePositionalAttention), 22],
    ];

    [Theory]
    [MemberData(nameof(Summaries))]
    public void The_compile_time_summary_leaves_the_hand_written_attention_unknown_rather_than_guessing(ModelSummary summary, string attention, int count)
    {
        output.WriteLine(summary.ToString());

        var rows = summary.Rows.Where(r => r.Type == attention).ToList();
        Assert.Equal(count, rows.Count);
        Assert.All(rows, row => Assert.Equal(-1, row.Parameters));
        Assert.Equal(-1, summary.TotalParameters);
        Assert.Equal([1000L], summary.Rows[^1].OutputShape ?? []);
    }

    [Theory]
    [InlineData("swin_t")]
    [InlineData("swin_s")]
    [InlineData("swin_b")]
    [InlineData("swin_v2_t")]
    [InlineData("swin_v2_s")]
    [InlineData("swin_v2_b")]
    [InlineData("maxvit_t")]
    public void The_summary_of_the_built_model_counts_torchvisions_parameters(string arch)
    {
        using var scope = NewDisposeScope();
        using var model = ZooManifestTests.Build(arch);
        var summary = arch.StartsWith("swin", System.StringComparison.Ordinal) ? SwinTransformer.Summary : MaxVit.Summary;

        var counted = summary.For(model).TotalParameters;

        Assert.Equal(ZooManifest.Load(arch).Parameters, counted);
        output.WriteLine($"{arch}: {counted:N0} parameters");
    }
}
