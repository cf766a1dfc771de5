using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// The generated forwards of torchvision's SqueezeExcitation ([Gate]), ShuffleNetV2's unit ([Chunk] under a condition,
/// an optional branch, [ChannelShuffle]) and ShuffleNetV2 itself ([Mean] before fc), kept as approved snapshots, so a
/// reader sees the code the wiring forms write: one chunk, one cat, one mul, and no alias for an absent branch.
/// </summary>
public sealed class GateAndChunkSnapshotTests
{
    public static TheoryData<string> Models => new(["SqueezeExcitation", "ShuffleInvertedResidual", "ShuffleNetV2"]);

    [Theory]
    [MemberData(nameof(Models))]
    public void The_generated_forward_matches_the_approved_snapshot(string model)
    {
        var run = GeneratorHarness.Run(
            RepositoryFiles.Read("Samples/NetGen.Vision/SqueezeExcitation.cs"),
            RepositoryFiles.Read("Samples/NetGen.Vision/ShuffleInvertedResidual.cs"),
            RepositoryFiles.Read("Samples/NetGen.Vision/ShuffleNetV2.cs"));

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        Assert.Empty(run.CompilationErrors);
        var text = run.Generated($"NetGen.Vision.{model}.g.cs");
        var start = text.IndexOf("public override global::TorchSharp.torch.Tensor forward(", StringComparison.Ordinal);
        var end = text.IndexOf("\n        }\n", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "no generated forward");
        Snapshot.Match(text.Substring(start, end - start + "\n        }\n".Length), model + ".forward");
    }
}
