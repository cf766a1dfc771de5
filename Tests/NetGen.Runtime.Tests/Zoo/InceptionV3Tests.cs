using System.Linq;
using NetGen.Vision;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// What inception_v3's manifest and checkpoint rows do not show: <c>auxLogits: false</c> leaves <c>AuxLogits</c> out, as
/// torchvision's <c>aux_logits=False</c> does, and the eval forward runs at torchvision's minimum size, 75×75 (the
/// auxiliary classifier, which needs 299×299, is not run).
/// </summary>
public sealed class InceptionV3Tests
{
    [Fact]
    public void Without_aux_logits_the_state_dict_is_torchvisions_less_every_AuxLogits_entry()
    {
        var manifest = ZooManifest.Load("inception_v3");
        using var model = new InceptionV3(auxLogits: false);

        var kept = manifest.Entries.Where(e => !e.Key.StartsWith("AuxLogits.", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(kept.Select(e => e.Key).Order(System.StringComparer.Ordinal), model.state_dict().Keys.Order(System.StringComparer.Ordinal));
        Assert.Equal(kept.Where(e => e.IsParameter).Select(e => e.Key), model.named_parameters().Select(p => p.name));
        var auxParameters = manifest.Entries.Where(e => e.IsParameter && e.Key.StartsWith("AuxLogits.", System.StringComparison.Ordinal))
            .Sum(e => e.Shape.Aggregate(1L, (a, b) => a * b));
        Assert.True(auxParameters > 0);
        Assert.Equal(manifest.Parameters - auxParameters, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void The_eval_forward_runs_at_torchvisions_minimum_size()
    {
        using var scope = NewDisposeScope();
        using var model = new InceptionV3();
        model.eval();

        using var _ = no_grad();
        var output = model.call(randn(1, 3, 75, 75));

        Assert.Equal(new long[] { 1, 1000 }, output.shape);
    }
}
