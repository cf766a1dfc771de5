using System.Linq;
using NetGen.Vision;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// What only MNASNet (Samples/NetGen.Vision/MNASNet.cs, MnasInvertedResidual.cs) needs checked: its
/// summaries and its BatchNorm momentum. Its mnasnet0_5 checkpoint row is in <see cref="TorchvisionCheckpointTests"/>.
/// </summary>
public sealed class TorchvisionMnasNetTests(ITestOutputHelper output)
{
    private const string Arch = "mnasnet0_5";

    [Fact]
    public void The_summary_counts_torchvisions_parameters()
    {
        // The defaults are mnasnet1_0; the manifests' counts are torchvision's own (make_zoo_manifests.py).
        Assert.Equal(ZooManifest.Load("mnasnet1_0").Parameters, MNASNet.Summary.TotalParameters);
        Assert.Equal(ZooManifest.Load(Arch).Parameters, MNASNet.Summary.For(MNASNet.Alpha0_5()).TotalParameters);
        output.WriteLine(MNASNet.Summary.ToString());
    }

    [Fact]
    public void Every_batch_norm_has_mnasnets_momentum()
    {
        // torchvision: _BN_MOMENTUM = 1 - 0.9997, TensorFlow's decay in PyTorch's terms. It changes training only,
        // so no manifest or eval output would notice a wrong one.
        using var model = MNASNet.Alpha1_3();
        var norms = model.modules().OfType<BatchNorm2d>().ToList();
        Assert.Equal(52, norms.Count);
        Assert.All(norms, bn => Assert.Equal(1 - 0.9997, bn.momentum));
    }
}
