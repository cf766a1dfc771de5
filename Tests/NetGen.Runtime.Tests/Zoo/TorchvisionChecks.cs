using System.Linq;
using NetGen.Runtime.Tests.StateDict;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// The two checks every zoo family makes against a checkpoint torchvision wrote in the test run: the state dict loads
/// strictly, with torchvision's keys in torchvision's order; and the eval-mode output is torchvision's within 1e-4 of
/// its largest logit.
/// </summary>
internal static class TorchvisionChecks
{
    public const double RelativeTolerance = 1e-4;

    /// <summary>Loads <paramref name="stateDict"/> into <paramref name="model"/> exactly, and returns torchvision's keys.</summary>
    public static System.Collections.Generic.List<string> LoadsStrictly(nn.Module<Tensor, Tensor> model, string stateDict, string arch, ITestOutputHelper output)
    {
        using var reader = Checkpoint.Open(stateDict);
        var torchvisionKeys = reader.Entries.Select(e => e.Key).ToList();
        Assert.Equal(torchvisionKeys, model.DescribeState().Select(e => e.Key));

        var report = model.LoadState(reader, LoadOptions.Exact);

        Assert.True(report.IsComplete, report.ToString());
        Assert.Equal(torchvisionKeys, report.Loaded);
        Assert.Empty(report.Converted);
        output.WriteLine($"{arch}: {report.Loaded.Count} entries loaded strictly, in torchvision's order");
        return torchvisionKeys;
    }

    /// <summary>Runs the loaded model in eval mode on torchvision's input and compares with torchvision's output.</summary>
    public static void ComputesTorchvisionsOutput(nn.Module<Tensor, Tensor> model, string inputOutput, string arch, ITestOutputHelper output)
    {
        using var scope = NewDisposeScope();
        model.eval();
        var pair = Checkpoint.ReadAll(inputOutput);
        using var noGrad = no_grad();

        var actual = model.call(pair["input"]);

        Assert.Equal(pair["output"].shape, actual.shape);
        var difference = (actual - pair["output"]).abs().max().item<float>();
        var largest = pair["output"].abs().max().item<float>();
        output.WriteLine($"{arch}: max |NetGen - torchvision| = {difference:E2} over {actual.numel()} logits, |output| <= {largest:F3}, relative {difference / largest:E2}");
        Assert.True(difference <= RelativeTolerance * largest, $"{arch}: outputs differ by {difference} (largest logit {largest})");
    }
}
