using System;
using System.Linq;
using NetGen.Runtime.Tests.OpenWorld;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Vision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// A real torchvision shufflenet_v2_x0_5 checkpoint with an input and torchvision's eval output, written at test time
/// by tools/fixtures/make_torchvision_resnet.py (Debian's python3-torchvision) into a temporary folder deleted afterwards.
/// </summary>
public sealed class TorchvisionShuffleNetCheckpoint : IDisposable
{
    public const string Arch = "shufflenet_v2_x0_5";

    private readonly TempDirectory _directory = new();
    private readonly Lazy<string> _log;

    public TorchvisionShuffleNetCheckpoint() =>
        _log = new Lazy<string>(() => PythonScripts.Run("make_torchvision_resnet.py", _directory.Path, Arch));

    /// <summary>What the script printed: entries and output range.</summary>
    public string Log => _log.Value;

    /// <summary>torchvision's state dict as <c>torch.save</c> wrote it.</summary>
    public string StateDict => Written(Arch + ".pt");

    /// <summary><c>input</c> [2, 3, 224, 224] and torchvision's eval-mode <c>output</c> [2, 1000].</summary>
    public string InputOutput => Written(Arch + ".io.pt");

    public void Dispose() => _directory.Dispose();

    private string Written(string name)
    {
        _ = _log.Value;
        var path = _directory.File(name);
        Assert.True(System.IO.File.Exists(path), $"make_torchvision_resnet.py did not write {name}");
        return path;
    }
}

/// <summary>
/// NetGen's ShuffleNetV2 (Samples/NetGen.Vision/ShuffleNetV2.cs: [Chunk], [ChannelShuffle] and [Mean],
/// no hand-written forward) against torchvision's shufflenet_v2_x0_5 on a seeded checkpoint made at test time: it
/// loads the state dict strictly, with torchvision's keys in torchvision's order, and computes torchvision's output
/// within 1e-4 of its largest logit. The compile-time summary counts torchvision's parameters.
/// </summary>
public sealed class TorchvisionShuffleNetTests(TorchvisionShuffleNetCheckpoint checkpoint, ITestOutputHelper output)
    : IClassFixture<TorchvisionShuffleNetCheckpoint>
{
    [SkippableFact]
    public void Loads_torchvisions_checkpoint_strictly_with_torchvisions_keys_in_order()
    {
        PythonScripts.SkipUnless("torchvision");
        using var model = ShuffleNetV2.X0_5();
        var torchvisionKeys = TorchvisionChecks.LoadsStrictly(model, checkpoint.StateDict, TorchvisionShuffleNetCheckpoint.Arch, output);
        using var reader = Checkpoint.Open(checkpoint.StateDict);
        var state = model.OrderedStateDict().ToDictionary(e => e.Key, e => e.Value);
        foreach (var key in torchvisionKeys)
        {
            using var stored = reader.ReadTensor(key);
            Assert.True(stored.Equals(state[key]), $"{key} differs from torchvision's after loading");
        }

        // Stride-2 units have branch1, stride-1 units do not (torchvision's empty Sequential has no state).
        Assert.Contains("stage2.0.branch1.0.weight", torchvisionKeys);
        Assert.DoesNotContain(torchvisionKeys, k => k.StartsWith("stage2.1.branch1", StringComparison.Ordinal));
        output.WriteLine(checkpoint.Log);
    }

    [SkippableFact]
    public void Computes_torchvisions_output_within_1e_4_relative()
    {
        PythonScripts.SkipUnless("torchvision");
        using var model = ShuffleNetV2.X0_5();
        model.LoadCheckpoint(checkpoint.StateDict);
        TorchvisionChecks.ComputesTorchvisionsOutput(model, checkpoint.InputOutput, TorchvisionShuffleNetCheckpoint.Arch, output);
    }

    [SkippableFact]
    public void Counts_the_parameters_of_torchvisions_checkpoint()
    {
        PythonScripts.SkipUnless("torchvision");
        var parameters = Checkpoint.ReadAll(checkpoint.StateDict)
            .Where(e => !e.Key.EndsWith("running_mean", StringComparison.Ordinal) && !e.Key.EndsWith("running_var", StringComparison.Ordinal)
                && !e.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
            .Sum(e => e.Value.numel());
        using var model = ShuffleNetV2.X0_5();

        Assert.Equal(parameters, ShuffleNetV2.Summary.For(model).TotalParameters);
        output.WriteLine($"{TorchvisionShuffleNetCheckpoint.Arch}: {parameters:N0} parameters in torchvision's checkpoint and in the summary");
    }

    [Fact]
    public void The_compile_time_summary_at_the_defaults_counts_torchvisions_shufflenet_v2_x1_0()
    {
        // The defaults are torchvision's x1_0 widths; the manifest's count is torchvision's own (make_zoo_manifests.py).
        Assert.Equal(ZooManifest.Load("shufflenet_v2_x1_0").Parameters, ShuffleNetV2.Summary.TotalParameters);
        Assert.Equal(ZooManifest.Load("shufflenet_v2_x0_5").Parameters, ShuffleNetV2.Summary.For(ShuffleNetV2.X0_5()).TotalParameters);
        output.WriteLine($"shufflenet_v2_x1_0: {ShuffleNetV2.Summary.TotalParameters:N0} parameters at compile time\n{ShuffleNetV2.Summary}");
    }
}
