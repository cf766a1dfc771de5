using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Samples;
using TorchSharp;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// The seed ResNet34 (narrow, so each test takes well under a second) after <c>.to(float64)</c>,
/// <c>.to(bfloat16)</c> and <c>.half()</c>: the state schema reports the live dtype, and save, load, transfer and
/// init_weights work; a float32 checkpoint loads with every floating entry cast, as PyTorch's <c>copy_</c> does,
/// and the load report lists each cast.
/// </summary>
public sealed class DTypeTests(ITestOutputHelper output)
{
    // The seed's ResNet34 with every stage 8 or 16 channels wide: the same 224 entries, 1.4% of the compute.
    private static ResNet34 NarrowResNet34() => new(10, 8, 8, 16, 16, 16);

    public static IEnumerable<object[]> DTypes() =>
    [
        [ScalarType.Float64],
        [ScalarType.BFloat16],
        [ScalarType.Float16],
    ];

    /// <summary>The model converted as a user would: <c>.to(float64)</c>, <c>.to(bfloat16)</c>, <c>.half()</c>.</summary>
    private static ResNet34 Converted(ResNet34 model, ScalarType dtype) =>
        dtype == ScalarType.Float16 ? model.half() : model.to(dtype);

    [Theory]
    [MemberData(nameof(DTypes))]
    public void The_state_schema_reports_the_live_dtype_and_device(ScalarType dtype)
    {
        using var model = Converted(NarrowResNet34(), dtype);
        var live = Live(model);

        var schema = model.StateSchema;

        Assert.Equal(live.Keys.Order(StringComparer.Ordinal), schema.Select(e => e.Key).Order(StringComparer.Ordinal));
        foreach (var entry in schema)
        {
            Assert.Equal(live[entry.Key].dtype, entry.DType);
            Assert.Equal(entry.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal) ? ScalarType.Int64 : dtype, entry.DType);
            Assert.Equal(DeviceType.CPU, entry.Device);
        }

        Assert.Equal(schema, model.DescribeState());
    }

    [Theory]
    [MemberData(nameof(DTypes))]
    public void Save_then_load_in_the_same_dtype_copies_every_entry_bit_for_bit(ScalarType dtype)
    {
        using var directory = new TempDirectory();
        using var original = Converted(NarrowResNet34(), dtype);
        RandomState.Fill(original, 31);
        original.eval();
        // CPU convolutions run in float64 and bfloat16 (not in float16), so there the outputs are compared too.
        var runs = dtype != ScalarType.Float16;
        using var x = randn(1, 3, 224, 224, dtype: dtype);
        using var expected = runs ? Forward(original, x) : null;

        foreach (var file in new[] { directory.File("model.pt"), directory.File("model.safetensors") })
        {
            original.SaveCheckpoint(file);
            using var loaded = Converted(NarrowResNet34(), dtype);
            loaded.eval();

            var report = loaded.LoadCheckpoint(file);

            Assert.True(report.IsComplete, report.ToString());
            Assert.Equal(224, report.Loaded.Count);
            Assert.Empty(report.Converted);
            AssertStatesEqual(original, loaded);
            if (runs)
            {
                using var actual = Forward(loaded, x);
                Assert.Equal(dtype, actual.dtype);
                Assert.True(actual.Equals(expected!), $"{dtype} outputs differ after loading {file}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DTypes))]
    public void A_float32_checkpoint_loads_with_every_floating_entry_cast_and_listed_in_the_report(ScalarType dtype)
    {
        using var directory = new TempDirectory();
        using var float32 = NarrowResNet34();
        RandomState.Fill(float32, 32);
        var floating = float32.OrderedStateDict().Where(e => e.Value.is_floating_point()).Select(e => e.Key).ToList();

        foreach (var file in new[] { directory.File("float32.pt"), directory.File("float32.safetensors") })
        {
            float32.SaveCheckpoint(file);
            using var model = Converted(NarrowResNet34(), dtype);

            var report = model.LoadCheckpoint(file);

            Assert.True(report.IsComplete, report.ToString());
            Assert.Equal(224, report.Loaded.Count);
            Assert.Equal(187, floating.Count);
            Assert.Equal(floating.Select(k => new DTypeConversion(k, ScalarType.Float32, dtype)), report.Converted);
            AssertStatesEqual(float32, model, dtype);
            output.WriteLine($"{System.IO.Path.GetFileName(file)} → {dtype}: {report.Loaded.Count} loaded, {report.Converted.Count} cast, e.g. {report.Converted[0]}");
        }
    }

    [Theory]
    [MemberData(nameof(DTypes))]
    public void TransferFrom_casts_between_float32_and_the_models_dtype_both_ways(ScalarType dtype)
    {
        using var directory = new TempDirectory();
        using var float32 = NarrowResNet34();
        RandomState.Fill(float32, 33);
        using var model = Converted(NarrowResNet34(), dtype);

        var fromModel = model.TransferFrom(float32);

        Assert.True(fromModel.IsComplete, fromModel.ToString());
        Assert.Equal(187, fromModel.Converted.Count);
        Assert.All(fromModel.Converted, c => Assert.Equal((ScalarType.Float32, dtype), (c.From, c.To)));
        AssertStatesEqual(float32, model, dtype);

        // And back: the converted model's values, cast to float32, through a file and the transfer filter.
        RandomState.Fill(model, 34);
        model.SaveCheckpoint(directory.File("converted.safetensors"));
        using var target = NarrowResNet34();
        var fromFile = target.TransferFrom(directory.File("converted.safetensors"), StateKeyFilter.Except("fc"));

        Assert.Equal(222, fromFile.Loaded.Count);
        Assert.Equal(["fc.weight", "fc.bias"], fromFile.Skipped);
        Assert.Equal(185, fromFile.Converted.Count);
        Assert.All(fromFile.Converted, c => Assert.Equal((dtype, ScalarType.Float32), (c.From, c.To)));
        var expected = Live(model);
        foreach (var (key, tensor) in Live(target).Where(e => !e.Key.StartsWith("fc.", StringComparison.Ordinal)))
        {
            Assert.True(tensor.Equals(expected[key].to_type(ScalarType.Float32)), key);
        }
    }

    [Theory]
    [MemberData(nameof(DTypes))]
    public void Init_weights_applies_torchvisions_resnet_rules_in_the_models_dtype(ScalarType dtype)
    {
        // torchvision's ResNet init: kaiming_normal_(mode="fan_out", nonlinearity="relu") for convs, BN weight 1
        // and bias 0; the classifier gets normal(0, 0.01) and a zero bias here.
        var plan = InitPlan.Empty
            .With<Conv2d>(new InitSpec(InitKind.KaimingNormal, Mode: FanMode.FanOut, Nonlinearity: Nonlinearity.ReLU))
            .With<BatchNorm2d>(new InitSpec(InitKind.Ones, Bias: InitKind.Zeros))
            .With<Linear>(new InitSpec(InitKind.Normal, Std: 0.01, Bias: InitKind.Zeros));
        manual_seed(35);
        using var model = Converted(NarrowResNet34(), dtype);
        RandomState.Fill(model, 36);

        model.init_weights(plan);

        var modules = model.named_modules().ToList();
        Assert.All(Live(model), e => Assert.Equal(e.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal) ? ScalarType.Int64 : dtype, e.Value.dtype));
        foreach (var bn in modules.Select(m => m.module).OfType<BatchNorm2d>())
        {
            Assert.True(bn.weight!.eq(1).all().item<bool>() && bn.bias!.eq(0).all().item<bool>());
        }

        Assert.True(model.fc.bias!.eq(0).all().item<bool>());

        // Every conv weight divided by its std, sqrt(2 / fan_out), pooled: about 60,000 standard normal samples.
        var standardised = modules.Select(m => m.module).OfType<Conv2d>()
            .Select(c => c.weight!.to_type(ScalarType.Float64).flatten() / Math.Sqrt(2.0 / (c.weight.shape[0] * c.weight.shape[2] * c.weight.shape[3])))
            .ToList();
        using var all = cat(standardised, 0);
        var (mean, std) = (all.mean().item<double>(), all.std().item<double>());
        output.WriteLine($"{dtype}: {all.numel()} conv weights, standardised mean {mean:F4}, std {std:F4}");
        Assert.True(all.numel() > 50_000);
        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(std, 0.98, 1.02);
    }

    [SkippableTheory]
    [MemberData(nameof(DTypes))]
    public void PyTorch_reads_the_converted_models_checkpoint_with_its_dtype(ScalarType dtype)
    {
        PythonTorch.SkipIfUnavailable();
        using var directory = new TempDirectory();
        using var model = Converted(NarrowResNet34(), dtype);
        RandomState.Fill(model, 37);
        PythonTorch.WriteExpected(directory.File("expected.json"), model.OrderedStateDict());

        model.SaveCheckpoint(directory.File("model.pt"));
        model.SaveCheckpoint(directory.File("model.safetensors"));

        Assert.Equal("OK 224", PythonTorch.Run("check-pt", directory.File("model.pt"), directory.File("expected.json")));
        Assert.Equal("OK 224", PythonTorch.Run("check-safetensors", directory.File("model.safetensors"), directory.File("expected.json")));
    }

    private static Dictionary<string, Tensor> Live(nn.Module model) =>
        model.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).Concat(model.named_buffers())
            .ToDictionary(e => e.Item1, e => e.Item2, StringComparer.Ordinal);

    /// <summary>Every entry of <paramref name="actual"/> equals the same entry of <paramref name="expected"/> (cast to <paramref name="dtype"/> when given).</summary>
    private static void AssertStatesEqual(nn.Module expected, nn.Module actual, ScalarType? dtype = null)
    {
        var want = Live(expected);
        foreach (var (key, tensor) in Live(actual))
        {
            var reference = dtype is { } cast && want[key].is_floating_point() ? want[key].to_type(cast) : want[key];
            Assert.True(tensor.dtype == reference.dtype && tensor.Equals(reference), $"{key}: {tensor.dtype} differs from {reference.dtype}");
        }
    }

    private static Tensor Forward(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        using var noGrad = no_grad();
        return model.call(input);
    }
}
