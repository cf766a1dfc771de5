using System;
using System.Linq;
using NetGen.Vision;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// What only EfficientNet (Samples/NetGen.Vision/EfficientNet.cs, MBConv.cs) needs checked: the parts of
/// the variants that a manifest cannot see, the stochastic depth probabilities and the B5–B7 BatchNorm eps. Its
/// efficientnet_b0 checkpoint row is in <see cref="TorchvisionCheckpointTests"/>.
/// </summary>
public sealed class TorchvisionEfficientNetTests(ITestOutputHelper output)
{
    private const string Arch = "efficientnet_b0";

    [Fact]
    public void The_summary_counts_torchvisions_parameters()
    {
        output.WriteLine(EfficientNet.Summary.ToString());
        Assert.Equal(ZooManifest.Load(Arch).Parameters, EfficientNet.Summary.TotalParameters);
        Assert.Equal(ZooManifest.Load("efficientnet_b3").Parameters, EfficientNet.Summary.For(EfficientNet.B3()).TotalParameters);
    }

    [Theory]
    [InlineData(1.0, 16)]
    [InlineData(3.1, 55)]
    public void Only_residual_blocks_drop_and_their_probability_grows_with_the_block_index(double depthMult, int blocks)
    {
        // torchvision: sd_prob = stochastic_depth_prob * float(stage_block_id) / total_stage_blocks, over all stages' blocks;
        // MBConv applies it only where use_res_connect holds (stride 1, same width). b7's depths: ceil(n * 3.1).
        using var model = new EfficientNet(depthMult == 1.0 ? 1.0 : 2.0, depthMult, 0.5);
        var stages = Enumerable.Range(1, 7)
            .Select(k => model.features.named_children().Single(c => c.name == k.ToString(System.Globalization.CultureInfo.InvariantCulture)).module.children().ToList())
            .ToList();
        Assert.Equal(blocks, stages.Sum(s => s.Count));

        var id = 0;
        foreach (var stage in stages)
        {
            for (var i = 0; i < stage.Count; i++, id++)
            {
                var drop = stage[i].named_children().Where(c => c.name == "stochastic_depth").Select(c => (StochasticDepth)c.module).SingleOrDefault();
                // Every stage's first block changes the width (stage 1: 32 to 16), so it has no residual and no drop.
                Assert.Equal(i > 0, drop is not null);
                if (drop is not null)
                {
                    Assert.Equal(0.2 * id / blocks, drop.P, 15);
                    Assert.Equal("row", drop.Mode);
                }
            }
        }
    }

    [Fact]
    public void B5_to_b7_normalise_with_eps_0_001_and_the_others_with_pytorchs_default()
    {
        using var b0 = EfficientNet.B0();
        using var b5 = EfficientNet.B5();
        Assert.All(b0.modules().OfType<BatchNorm2d>(), bn => Assert.Equal(1e-5, bn.eps));
        Assert.All(b5.modules().OfType<BatchNorm2d>(), bn =>
        {
            Assert.Equal(0.001, bn.eps);
            Assert.Equal(0.01, bn.momentum);
        });
        output.WriteLine($"b5: {b5.modules().OfType<BatchNorm2d>().Count()} BatchNorms with eps 0.001");
    }
}
