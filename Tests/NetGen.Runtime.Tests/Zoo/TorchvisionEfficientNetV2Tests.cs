using System.Linq;
using NetGen.Vision;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// What only EfficientNetV2 (Samples/NetGen.Vision/EfficientNetV2.cs, FusedMBConv.cs, MBConv.cs) needs
/// checked: every size's summary and the BatchNorm eps. Its efficientnet_v2_s checkpoint row, where stages of FusedMBConv
/// and of MBConv blocks run in one Sequential, is in <see cref="TorchvisionCheckpointTests"/>.
/// </summary>
public sealed class TorchvisionEfficientNetV2Tests(ITestOutputHelper output)
{
    private const string Arch = "efficientnet_v2_s";

    [Fact]
    public void The_summary_counts_torchvisions_parameters_for_every_size()
    {
        // The defaults are efficientnet_v2_s; the manifests' counts are torchvision's own (make_zoo_manifests.py).
        Assert.Equal(ZooManifest.Load(Arch).Parameters, EfficientNetV2.Summary.TotalParameters);
        Assert.Equal(ZooManifest.Load("efficientnet_v2_m").Parameters, EfficientNetV2.Summary.For(EfficientNetV2.M()).TotalParameters);
        Assert.Equal(ZooManifest.Load("efficientnet_v2_l").Parameters, EfficientNetV2.Summary.For(EfficientNetV2.L()).TotalParameters);
        output.WriteLine($"efficientnet_v2_s: {EfficientNetV2.Summary.TotalParameters:N0} parameters at compile time");
    }

    [Fact]
    public void Every_batch_norm_has_eps_0_001()
    {
        // torchvision: norm_layer=partial(nn.BatchNorm2d, eps=1e-03) for every V2 size; eval outputs depend on it.
        using var model = EfficientNetV2.M();
        Assert.All(model.modules().OfType<BatchNorm2d>(), bn => Assert.Equal(0.001, bn.eps));
    }
}
