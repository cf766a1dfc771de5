using NetGen.Vision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// What only MobileNetV3 (Samples/NetGen.Vision/MobileNetV3.cs, MobileNetV3Block.cs) needs checked: the
/// summaries of both variants. Its mobilenet_v3_small checkpoint row is in <see cref="TorchvisionCheckpointTests"/>, where
/// Hardswish and ReLU blocks, squeeze-excitation with a Hardsigmoid scale and BatchNorm eps 0.001 all take part.
/// </summary>
public sealed class TorchvisionMobileNetV3Tests(ITestOutputHelper output)
{
    private const string Arch = "mobilenet_v3_small";

    [Fact]
    public void The_summary_counts_torchvisions_parameters_for_both_variants()
    {
        // The defaults are mobilenet_v3_large; the manifests' counts are torchvision's own (make_zoo_manifests.py).
        Assert.Equal(ZooManifest.Load("mobilenet_v3_large").Parameters, MobileNetV3.Summary.TotalParameters);
        Assert.Equal(ZooManifest.Load(Arch).Parameters, MobileNetV3.Summary.For(MobileNetV3.Small()).TotalParameters);
        output.WriteLine(MobileNetV3.Summary.ToString());
    }
}
