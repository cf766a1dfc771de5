using System;
using System.Linq;
using NetGen.Runtime.Tests.Support;
using NetGen.Vision;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Torchvision;

/// <summary>
/// SqueezeNet 1.0 and MobileNetV2, declared with NetGen from torchvision 0.14's definitions, against the
/// fixtures tools/fixtures/make_torchvision_fixtures.py wrote with Debian's python3-torchvision: the state
/// dict has torchvision's keys and shapes exactly, and under the deterministic formula weights the eval-mode
/// output equals torchvision's within 1e-4 absolute.
/// </summary>
public sealed class TorchvisionModelTests(ITestOutputHelper output)
{
    private const string Folder = "torchvision";
    private const double Tolerance = 1e-4;

    private static nn.Module<Tensor, Tensor> Create(string fixture) => fixture switch
    {
        "squeezenet1_0" => new SqueezeNet(1000),
        "mobilenet_v2" => new MobileNetV2(1000),
        _ => throw new ArgumentOutOfRangeException(nameof(fixture), fixture, "no such torchvision model"),
    };

    [Theory]
    [InlineData("squeezenet1_0")]
    [InlineData("mobilenet_v2")]
    public void Keys_and_shapes_equal_the_torchvision_manifest_and_parameters_keep_its_order(string fixture)
    {
        var manifest = PyTorchFixtures.Manifest(fixture, Folder);
        using var model = Create(fixture);

        var actual = model.state_dict().ToDictionary(e => e.Key, e => (e.Value.shape, e.Value.dtype));

        // The same key set, each with PyTorch's shape and dtype.
        Assert.Equal(manifest.Entries.Select(e => e.Key).Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, shape, dtype) in manifest.Entries)
        {
            Assert.True(shape.SequenceEqual(actual[key].shape), $"{key}: torchvision [{string.Join(", ", shape)}], NetGen [{string.Join(", ", actual[key].shape)}]");
            Assert.Equal(dtype == "int64" ? ScalarType.Int64 : ScalarType.Float32, actual[key].dtype);
        }

        // TorchSharp's state_dict lists all parameters before all buffers, PyTorch's interleaves them per
        // module; the parameters alone come in PyTorch's registration order.
        var isBuffer = (string key) => key.EndsWith("running_mean", StringComparison.Ordinal)
            || key.EndsWith("running_var", StringComparison.Ordinal) || key.EndsWith("num_batches_tracked", StringComparison.Ordinal);
        Assert.Equal(manifest.Entries.Select(e => e.Key).Where(k => !isBuffer(k)), model.named_parameters().Select(p => p.name));

        Assert.Equal(manifest.Parameters, model.parameters().Sum(p => p.numel()));
    }

    [Theory]
    [InlineData("squeezenet1_0")]
    [InlineData("mobilenet_v2")]
    public void Output_matches_torchvision_under_formula_weights(string fixture)
    {
        var expected = PyTorchFixtures.Formula(fixture, Folder);
        using var scope = NewDisposeScope();
        using var model = Create(fixture);
        FormulaWeights.Apply(model);
        model.eval();

        using var _ = no_grad();
        var y = model.call(FormulaWeights.Input(expected.Input));

        Assert.Equal(expected.OutputShape, y.shape);
        var flat = y.flatten().to_type(ScalarType.Float64).data<double>().ToArray();
        var maxDiff = 0.0;
        for (var i = 0; i < expected.OutputHead.Length; i++)
        {
            var diff = Math.Abs(flat[i] - expected.OutputHead[i]);
            maxDiff = Math.Max(maxDiff, diff);
            Assert.True(diff <= Tolerance, $"output[{i}]: torchvision {expected.OutputHead[i]}, NetGen {flat[i]}");
        }

        double sum = 0, sumSq = 0;
        foreach (var v in flat)
        {
            sum += v;
            sumSq += v * v;
        }

        // Sum and sum of squares cover all 1000 logits, so nothing past the stored head escapes: with every
        // value within 1e-4, the sum is within 1000 · 1e-4, the sum of squares within 2 · 1e-4 · Σ|v| (+ rounding).
        var absSum = flat.Sum(Math.Abs);
        Assert.True(Math.Abs(sum - expected.OutputSum) <= Tolerance * flat.Length, $"sum: torchvision {expected.OutputSum}, NetGen {sum}");
        Assert.True(Math.Abs(sumSq - expected.OutputSumSq) <= 2 * Tolerance * absSum + 1e-6, $"sum of squares: torchvision {expected.OutputSumSq}, NetGen {sumSq}");
        output.WriteLine($"{fixture}: max |diff| over the first {expected.OutputHead.Length} outputs = {maxDiff:E2}; sum diff = {Math.Abs(sum - expected.OutputSum):E2}; sum-of-squares diff = {Math.Abs(sumSq - expected.OutputSumSq):E2}");
    }

    [Theory]
    [InlineData("squeezenet1_0", true)]
    [InlineData("squeezenet1_0", false)]
    [InlineData("mobilenet_v2", true)]
    [InlineData("mobilenet_v2", false)]
    public void Forward_runs_in_train_and_eval_mode_without_leaking_tensors(string fixture, bool training)
    {
        // 64×64 keeps it fast: both architectures still end with a spatial size of at least 2.
        using var model = Create(fixture);
        model.train(training);
        using var x = FormulaWeights.Input([2, 3, 64, 64]);
        using (var warmUp = model.call(x))
        {
            Assert.Equal(new long[] { 2, 1000 }, warmUp.shape);
        }

        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 3; i++)
        {
            using var y = model.call(x);
            Assert.Equal(new long[] { 2, 1000 }, y.shape);
            using var nan = y.isnan();
            using var anyNan = nan.any();
            Assert.False(anyNan.item<bool>());
        }

        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void MobileNetV2_adds_the_residual_only_where_torchvision_uses_res_connect()
    {
        // With the conv branch zeroed (weights and biases 0, running_var 1), a block that adds its input
        // passes it through unchanged and one without the add returns zeros. The two blocks are MobileNetV2's
        // features.3 (24→24, stride 1: use_res_connect) and features.2 (16→24, stride 2: no add).
        using var scope = NewDisposeScope();
        var adds = new InvertedResidual(24, 24, 1, 6);
        var plain = new InvertedResidual(16, 24, 2, 6);
        foreach (var block in new nn.Module<Tensor, Tensor>[] { adds, plain })
        {
            using var __ = no_grad();
            foreach (var (key, tensor) in block.state_dict())
            {
                if (key.EndsWith("running_var", StringComparison.Ordinal)) tensor.fill_(1);
                else if (!key.EndsWith("num_batches_tracked", StringComparison.Ordinal)) tensor.zero_();
            }

            block.eval();
        }

        using var _ = no_grad();
        var x = FormulaWeights.Input([1, 24, 8, 8]);
        Assert.True(adds.call(x).allclose(x));
        Assert.Equal(0.0, plain.call(FormulaWeights.Input([1, 16, 8, 8])).abs().sum().item<float>());
    }
}
