using System.Linq;
using NetGen.Runtime.Tests.OpenWorld;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Samples.Torchvision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// NetGen's DenseNet (Samples/NetGen.SeedModels/Torchvision/DenseNet.cs: named children in <c>features</c>, dense
/// blocks whose layers see the concatenation of all earlier features, per-index widths) against a real torchvision
/// densenet121 checkpoint (31 MiB) written in the test run by tools/fixtures/make_torchvision_resnet.py.
/// </summary>
public sealed class TorchvisionDenseNetTests(ITestOutputHelper output)
{
    private const double RelativeTolerance = 1e-4;

    [SkippableFact]
    public void Densenet121_loads_the_torchvision_checkpoint_strictly_and_computes_its_output_within_1e_4_relative()
    {
        PythonScripts.SkipUnless("torchvision");
        using var directory = new TempDirectory();
        var log = PythonScripts.Run("make_torchvision_resnet.py", directory.Path, "densenet121");
        using var scope = NewDisposeScope();
        using var model = DenseNet.DenseNet121();

        using (var reader = Checkpoint.Open(directory.File("densenet121.pt")))
        {
            var torchvisionKeys = reader.Entries.Select(e => e.Key).ToList();
            Assert.Equal(torchvisionKeys, model.DescribeState().Select(e => e.Key));
            var report = model.LoadState(reader, LoadOptions.Exact);
            Assert.True(report.IsComplete, report.ToString());
            Assert.Equal(torchvisionKeys, report.Loaded);
            output.WriteLine($"densenet121: {report.Loaded.Count} entries loaded strictly, in torchvision's order ({log})");
        }

        model.eval();
        var pair = Checkpoint.ReadAll(directory.File("densenet121.io.pt"));
        using var noGrad = no_grad();
        var actual = model.call(pair["input"]);

        Assert.Equal(pair["output"].shape, actual.shape);
        var difference = (actual - pair["output"]).abs().max().item<float>();
        var magnitude = pair["output"].abs().max().item<float>();
        output.WriteLine($"densenet121: max |NetGen - torchvision| = {difference:E2}, {difference / magnitude:E2} of max |output| = {magnitude:E3}, over {actual.numel()} logits");
        Assert.True(difference <= RelativeTolerance * magnitude, $"densenet121: outputs differ by {difference} (max |output| {magnitude})");
    }

    [Fact]
    public void The_compile_time_summary_is_densenet121_at_the_default_hyperparameters_and_counts_its_parameters()
    {
        using var model = new DenseNet();
        Assert.Equal(ZooManifest.Load("densenet121").Parameters, DenseNet.Summary.TotalParameters);
        Assert.Equal(model.parameters().Sum(p => p.numel()), DenseNet.Summary.TotalParameters);
        // Block 3 of densenet121 has 24 layers, each a row of the summary under its torchvision name.
        Assert.Contains(DenseNet.Summary.Rows, r => r.Path == "features.denseblock3.denselayer24" && r.Type == "DenseLayer");
        Assert.Contains(DenseNet.Summary.Rows, r => r.Path == "features.denseblock4" && r.Type == "DenseStage" && r.OutputShape!.SequenceEqual(new long[] { 1024, 7, 7 }));
    }
}
