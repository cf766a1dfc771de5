using System;
using System.Linq;
using NetGen.Vision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// NetGen's torchvision ResNet (Samples/NetGen.Vision/ResNet.cs), one class whose block type
/// (<see cref="ResNetBlock"/>, alternative <c>[Repeat&lt;T&gt;(When = …)]</c> stages), stage depths, groups and width per
/// group are hyperparameters, against real torchvision checkpoints made at test time of resnet18, resnet34 and resnet50,
/// and of the smallest resnext (resnext50_32x4d) and wide_resnet (wide_resnet50_2): it loads them strictly, with
/// torchvision's keys in torchvision's order, and computes torchvision's output within 1e-4.
/// </summary>
public sealed class TorchvisionResNetTests(TorchvisionResNetCheckpoints checkpoints, ITestOutputHelper output)
    : IClassFixture<TorchvisionResNetCheckpoints>
{
    private const double Tolerance = 1e-4;

    private static nn.Module<Tensor, Tensor> Create(string arch) => arch switch
    {
        "resnet18" => ResNet.ResNet18(),
        "resnet34" => ResNet.ResNet34(),
        "resnet50" => ResNet.ResNet50(),
        "resnext50_32x4d" => ResNet.ResNeXt50_32X4D(),
        "wide_resnet50_2" => ResNet.WideResNet50_2(),
        _ => throw new ArgumentOutOfRangeException(nameof(arch), arch, "no such torchvision ResNet"),
    };

    [SkippableTheory]
    [InlineData("resnet18")]
    [InlineData("resnet34")]
    [InlineData("resnet50")]
    [InlineData("resnext50_32x4d")]
    [InlineData("wide_resnet50_2")]
    public void Loads_the_torchvision_checkpoint_strictly_with_torchvisions_keys_in_order(string arch)
    {
        PythonScripts.SkipUnless("torchvision");
        using var model = Create(arch);
        using var reader = Checkpoint.Open(checkpoints.StateDict(arch));
        var torchvisionKeys = reader.Entries.Select(e => e.Key).ToList();

        Assert.Equal(torchvisionKeys, model.DescribeState().Select(e => e.Key));
        var report = model.LoadState(reader, LoadOptions.Exact);

        Assert.True(report.IsComplete, report.ToString());
        Assert.Equal(torchvisionKeys, report.Loaded);
        Assert.Empty(report.Converted);
        var state = model.OrderedStateDict().ToDictionary(e => e.Key, e => e.Value);
        foreach (var key in torchvisionKeys)
        {
            using var stored = reader.ReadTensor(key);
            Assert.True(stored.Equals(state[key]), $"{key} differs from torchvision's after loading");
        }

        Assert.Equal(2L, state["layer4.1.bn2.num_batches_tracked"].item<long>());
        if (arch != "resnet18" && arch != "resnet34")
        {
            // Bottleneck computes its downsample condition: layer1.0 has one (64 → 256 channels at stride 1), layer1.1 none.
            Assert.Contains("layer1.0.downsample.0.weight", torchvisionKeys);
            Assert.DoesNotContain("layer1.1.downsample.0.weight", torchvisionKeys);
        }

        output.WriteLine($"{arch}: {report.Loaded.Count} entries loaded strictly\n{checkpoints.Log}");
    }

    [SkippableTheory]
    [InlineData("resnet18")]
    [InlineData("resnet34")]
    [InlineData("resnet50")]
    [InlineData("resnext50_32x4d")]
    [InlineData("wide_resnet50_2")]
    public void Computes_torchvisions_output_within_1e_4(string arch)
    {
        PythonScripts.SkipUnless("torchvision");
        using var scope = NewDisposeScope();
        using var model = Create(arch);
        model.LoadCheckpoint(checkpoints.StateDict(arch));
        model.eval();
        var pair = Checkpoint.ReadAll(checkpoints.InputOutput(arch));

        using var noGrad = no_grad();
        var actual = model.call(pair["input"]);

        Assert.Equal(pair["output"].shape, actual.shape);
        var difference = (actual - pair["output"]).abs().max().item<float>();
        var largest = pair["output"].abs().max().item<float>();
        output.WriteLine($"{arch}: max |NetGen - torchvision| = {difference:E2} over {actual.numel()} logits (|output| <= {largest:F3}, relative {difference / largest:E2})");
        Assert.True(difference <= Tolerance, $"{arch}: outputs differ by {difference}");
    }

    [SkippableTheory]
    [InlineData("resnet50")]
    [InlineData("resnext50_32x4d")]
    [InlineData("wide_resnet50_2")]
    public void The_summary_of_a_bottleneck_variant_counts_the_parameters_of_torchvisions_checkpoint(string arch)
    {
        PythonScripts.SkipUnless("torchvision");
        var parameters = Checkpoint.ReadAll(checkpoints.StateDict(arch))
            .Where(e => !e.Key.EndsWith("running_mean", StringComparison.Ordinal) && !e.Key.EndsWith("running_var", StringComparison.Ordinal)
                && !e.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
            .Sum(e => e.Value.numel());
        using var model = Create(arch);

        // The compile-time summary is resnet34's (the defaults); For(model) counts this variant's own parameters.
        Assert.Equal(parameters, ResNet.Summary.For(model).TotalParameters);
        output.WriteLine($"{arch}: {parameters:N0} parameters in torchvision's checkpoint and in ResNet.Summary.For(model)");
    }

    [SkippableFact]
    public void The_compile_time_summary_counts_the_parameters_of_torchvisions_resnet34()
    {
        PythonScripts.SkipUnless("torchvision");
        var parameters = Checkpoint.ReadAll(checkpoints.StateDict("resnet34"))
            .Where(e => !e.Key.EndsWith("running_mean", StringComparison.Ordinal) && !e.Key.EndsWith("running_var", StringComparison.Ordinal)
                && !e.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
            .Sum(e => e.Value.numel());

        Assert.Equal(parameters, ResNet.Summary.TotalParameters);
        output.WriteLine($"resnet34: {parameters:N0} parameters in torchvision's checkpoint and in ResNet.Summary");
    }
}
