using System.Collections.Generic;
using System.Linq;
using NetGen.Benchmarks.HandWritten;
using NetGen.Samples;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Benchmarks;

/// <summary>
/// Tests/NetGen.Benchmarks times the generated ResNet34 against a hand-written one and the generated
/// <c>init_weights(plan)</c> against a user's <c>modules()</c> loop. These tests make sure both comparisons are
/// like for like: the same modules, names and shapes, the same outputs from the same weights, and the
/// same init work.
/// </summary>
public sealed class HandWrittenEquivalenceTests
{
    [Fact]
    public void The_full_size_hand_written_ResNet34_has_the_generated_state_dict_keys_in_order_and_shapes()
    {
        using var generated = new ResNet34(101);
        using var handWritten = new HandWrittenResNet34(101);

        var expected = generated.state_dict().Select(e => (e.Key, Shape: string.Join("x", e.Value.shape))).ToList();
        var actual = handWritten.state_dict().Select(e => (e.Key, Shape: string.Join("x", e.Value.shape))).ToList();

        Assert.Equal(expected, actual);
        Assert.Equal(
            generated.named_modules().Select(m => (m.name, m.module.GetType().Name)).Select(Normalize),
            handWritten.named_modules().Select(m => (m.name, m.module.GetType().Name)).Select(Normalize));
    }

    // The narrow widths run the same classes and code paths as the full-size benchmark models, in a fraction
    // of the time.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void With_the_same_weights_both_compute_bitwise_equal_outputs(bool train)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var generated = new ResNet34(10, 8, 8, 16, 32, 32);
        var handWritten = new HandWrittenResNet34(10, 8, 8, 16, 32, 32);
        handWritten.load_state_dict(generated.state_dict());
        generated.train(train);
        handWritten.train(train);
        var input = randn(2, 3, 224, 224);

        using var noGrad = no_grad();
        var expected = handWritten.call(input);
        var actual = generated.call(input);

        Assert.Equal(new long[] { 2, 10 }, actual.shape);
        Assert.True(actual.Equals(expected), $"max |diff| {(actual - expected).abs().max().item<float>()}");
    }

    [Fact]
    public void The_module_loop_and_the_init_plan_initialise_the_same_tensors_by_the_same_schemes()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var viaLoop = new HandWrittenResNet34(10, 8, 8, 16, 32, 32);
        var viaPlan = new ResNet34(10, 8, 8, 16, 32, 32);
        var untouched = new ResNet34(10, 8, 8, 16, 32, 32);
        untouched.load_state_dict(viaPlan.state_dict());
        viaLoop.load_state_dict(viaPlan.state_dict());

        // modules() visits every module once, so the loop does no more work than the plan.
        var visited = viaLoop.modules().ToList();
        Assert.Equal(visited.Count, visited.Distinct(ReferenceEqualityComparer.Instance).Count());

        ModuleLoopInit.Apply(viaLoop);
        viaPlan.init_weights(InitSchemes.ResNet);

        var before = untouched.state_dict();
        var loop = viaLoop.state_dict();
        var plan = viaPlan.state_dict();
        var convs = viaPlan.named_modules().Where(m => m.module is Conv2d).Select(m => m.name).ToList();
        var norms = viaPlan.named_modules().Where(m => m.module is BatchNorm2d).Select(m => m.name).ToList();
        Assert.Equal(37, convs.Count);
        Assert.Equal(37, norms.Count);

        foreach (string conv in convs)
        {
            var weight = before[conv + ".weight"];
            double expectedStd = System.Math.Sqrt(2.0 / (weight.shape[0] * weight.shape[2] * weight.shape[3]));
            foreach (var (side, state) in new[] { ("loop", loop), ("plan", plan) })
            {
                // Five standard errors of a sample std (≈ σ/√(2n)): loose for the 64-weight 1×1 convolutions,
                // tight enough for the others to tell Kaiming fan_out from the default init.
                double std = state[conv + ".weight"].std().item<float>();
                double tolerance = 5 / System.Math.Sqrt(2.0 * weight.numel());
                Assert.True(System.Math.Abs(std / expectedStd - 1) < tolerance, $"{side} {conv}: std {std}, Kaiming fan_out {expectedStd}");
                Assert.False(state[conv + ".weight"].Equals(weight), $"{side} {conv} kept its default init");
            }
        }

        foreach (string norm in norms)
        {
            foreach (var state in new[] { loop, plan })
            {
                Assert.True(state[norm + ".weight"].eq(1).all().item<bool>());
                Assert.True(state[norm + ".bias"].eq(0).all().item<bool>());
            }
        }

        // Layers no scheme names (the classifier) keep their weights under both.
        foreach (var state in new[] { loop, plan })
        {
            Assert.True(state["fc.weight"].Equals(before["fc.weight"]));
        }
    }

    // The two classes differ only in their own type names; the tree below them is identical.
    private static string Normalize((string Name, string Type) module) =>
        $"{module.Name}:{module.Type.Replace("HandWritten", string.Empty)}";

    [Fact]
    public void The_hand_written_ShuffleNetV2_has_the_generated_keys_and_with_the_same_weights_computes_the_same_output_creating_no_fewer_tensors()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var generated = NetGen.Vision.ShuffleNetV2.X0_5();
        var handWritten = new HandWrittenShuffleNetV2();
        Assert.Equal(
            generated.state_dict().Select(e => (e.Key, Shape: string.Join("x", e.Value.shape))),
            handWritten.state_dict().Select(e => (e.Key, Shape: string.Join("x", e.Value.shape))));
        handWritten.load_state_dict(generated.state_dict());
        generated.eval();
        handWritten.eval();
        var input = randn(2, 3, 224, 224);

        using var noGrad = no_grad();
        var expected = handWritten.call(input);
        var actual = generated.call(input);
        Assert.True(actual.Equals(expected), $"max |diff| {(actual - expected).abs().max().item<float>()}");

        // The generated forward allocates no tensor a hand-written one does not: count the tensors each forward creates.
        var createdByHandWritten = TensorsCreated(() => handWritten.call(input).Dispose());
        var createdByGenerated = TensorsCreated(() => generated.call(input).Dispose());
        Assert.True(createdByGenerated <= createdByHandWritten, $"generated {createdByGenerated} tensors per forward, hand-written {createdByHandWritten}");
    }

    private static long TensorsCreated(System.Action forward)
    {
        var stats = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics;
        var before = stats.CreatedInScopeCount + stats.CreatedOutsideScopeCount;
        forward();
        return stats.CreatedInScopeCount + stats.CreatedOutsideScopeCount - before;
    }
}
