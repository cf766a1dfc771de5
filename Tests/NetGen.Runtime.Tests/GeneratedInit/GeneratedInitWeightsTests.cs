using System;
using System.Linq;
using NetGen.Samples;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.GeneratedInit;

/// <summary>The generated <c>init_weights()</c> applies the declared scheme, layer by layer, reproducibly.</summary>
/// <remarks>Seeds TorchSharp's global generator, so it runs apart from every other test that draws from it.</remarks>
[Collection(NetGen.Runtime.Tests.Initialization.Support.GlobalGeneratorCollection.Name)]
public sealed class GeneratedInitWeightsTests
{
    [Fact]
    public void The_sample_Net_gets_the_seed_scheme_on_every_layer()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(1);
        var net = new Net();
        net.init_weights();

        foreach (var (conv, fanIn, fanOut) in new[] { (net.conv1, 3 * 9, 32 * 9), (net.conv2, 32 * 9, 64 * 9) })
        {
            var expectedStd = Math.Sqrt(2.0 / (fanIn + fanOut)); // xavier_normal, gain 1
            var w = conv.weight!.to_type(ScalarType.Float64);
            Assert.InRange(w.mean().item<double>(), -4 * expectedStd / Math.Sqrt(w.numel()), 4 * expectedStd / Math.Sqrt(w.numel()));
            Assert.InRange(w.std().item<double>() / expectedStd, 0.9, 1.1);
            Assert.True(Statistics.KolmogorovSmirnovNormal(w, 0, expectedStd) < Statistics.KsCritical001(w.numel()), "conv weights are not normal(0, xavier std)");
            Assert.Equal(0, conv.bias!.abs().sum().item<float>());
        }

        foreach (var fc in new[] { net.fc1, net.fc2, net.fc3 })
        {
            var w = fc.weight!.to_type(ScalarType.Float64);
            Assert.InRange(w.std().item<double>(), 0.0095, 0.0105);
            Assert.InRange(w.mean().item<double>(), -0.001, 0.001);
            Assert.Equal(0, fc.bias!.abs().sum().item<float>());
        }

        var fc2 = net.fc2.weight!.to_type(ScalarType.Float64);
        Assert.True(Statistics.KolmogorovSmirnovNormal(fc2, 0, 0.01) < Statistics.KsCritical001(fc2.numel()), "fc2 weights are not normal(0, 0.01)");
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_weights_and_another_seed_does_not()
    {
        using var scope = NewDisposeScope();
        Tensor[] Build(long seed)
        {
            random.manual_seed(seed);
            var net = new Net(flat: 64 * 6 * 6, numClasses: 10);
            net.init_weights();
            return net.parameters().Select(p => p.detach().clone()).ToArray();
        }

        var first = Build(7);
        var again = Build(7);
        var other = Build(8);

        Assert.All(first.Zip(again), pair => Assert.True(pair.First.eq(pair.Second).all().item<bool>()));
        Assert.Contains(first.Zip(other), pair => !pair.First.eq(pair.Second).all().item<bool>());
    }

    [Fact]
    public void Blocks_inherit_the_parents_rules_unless_they_declare_their_own_and_member_overrides_win()
    {
        using var scope = NewDisposeScope();
        var parent = new InheritingParent();
        var untouchedBefore = parent.untouched.weight!.detach().clone();
        parent.init_weights();

        foreach (var (key, tensor) in parent.state_dict().Where(e => e.Key.StartsWith("residual.") && e.Key.EndsWith(".weight")))
        {
            var expected = tensor.dim() == 4 ? 0f : 2f; // conv weights zero, BatchNorm weights 2
            Assert.True(tensor.eq(expected).all().item<bool>(), $"{key} was not initialised by the parent's rule");
        }

        Assert.True(parent.residual.left[1] is TorchSharp.Modules.BatchNorm2d bn && bn.bias!.eq(3f).all().item<bool>());
        Assert.True(parent.own.conv.weight!.eq(1f).all().item<bool>(), "the block's own rule must win");
        Assert.True(parent.special.weight!.eq(0.5f).all().item<bool>(), "the member override must win");
        Assert.True(parent.special.bias!.eq(0f).all().item<bool>());
        Assert.True(parent.untouched.weight!.eq(untouchedBefore).all().item<bool>(), "a layer no rule covers keeps PyTorch's default");
    }

    [Fact]
    public void Training_still_works_after_init()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var net = new Net(flat: 64 * 6 * 6, numClasses: 10);
        net.init_weights();
        Assert.All(net.parameters(), p => Assert.True(p.requires_grad));

        var before = net.fc3.weight!.detach().clone();
        var optimizer = optim.SGD(net.parameters(), 0.1);
        var loss = nn.functional.cross_entropy(net.call(randn(4, 3, 32, 32)), tensor(new long[] { 0, 1, 2, 3 }));
        loss.backward();
        optimizer.step();

        Assert.False(net.fc3.weight!.eq(before).all().item<bool>());
    }
}
