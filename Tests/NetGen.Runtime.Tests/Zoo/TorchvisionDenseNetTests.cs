using System.Linq;
using NetGen.Runtime.Tests.OpenWorld;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Vision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// NetGen's DenseNet (Samples/NetGen.Vision/DenseNet.cs: named children in <c>features</c>, dense
/// blocks whose layers see the concatenation of all earlier features, per-index widths) against a real torchvision
/// densenet121 checkpoint (31 MiB) written in the test run by tools/fixtures/make_torchvision_resnet.py.
/// </summary>
public sealed class TorchvisionDenseNetTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Densenet121_loads_the_torchvision_checkpoint_strictly_and_computes_its_output_within_1e_4_relative()
    {
        PythonScripts.SkipUnless("torchvision");
        using var directory = new TempDirectory();
        var log = PythonScripts.Run("make_torchvision_resnet.py", directory.Path, "densenet121");
        using var scope = NewDisposeScope();
        using var model = DenseNet.DenseNet121();

        output.WriteLine(log);
        TorchvisionChecks.LoadsStrictly(model, directory.File("densenet121.pt"), "densenet121", output);
        TorchvisionChecks.ComputesTorchvisionsOutput(model, directory.File("densenet121.io.pt"), "densenet121", output);
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
