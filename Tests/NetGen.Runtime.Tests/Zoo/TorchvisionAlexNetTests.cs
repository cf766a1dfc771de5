using NetGen.Runtime.Tests.OpenWorld;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Samples.Torchvision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// NetGen's AlexNet (Samples/NetGen.SeedModels/Torchvision/AlexNet.cs) against a real torchvision alexnet checkpoint
/// (233 MiB, the family's only variant) written in the test run by tools/fixtures/make_torchvision_resnet.py, which
/// serves any torchvision classification model.
/// </summary>
public sealed class TorchvisionAlexNetTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Loads_the_torchvision_checkpoint_strictly_and_computes_its_output_within_1e_4_relative()
    {
        PythonScripts.SkipUnless("torchvision");
        using var directory = new TempDirectory();
        output.WriteLine(PythonScripts.Run("make_torchvision_resnet.py", directory.Path, "alexnet"));
        using var scope = NewDisposeScope();
        using var model = new AlexNet();

        TorchvisionChecks.LoadsStrictly(model, directory.File("alexnet.pt"), "alexnet", output);
        TorchvisionChecks.ComputesTorchvisionsOutput(model, directory.File("alexnet.io.pt"), "alexnet", output);
    }

    [Fact]
    public void The_compile_time_summary_counts_torchvisions_parameters()
    {
        Assert.Equal(ZooManifest.Load("alexnet").Parameters, AlexNet.Summary.TotalParameters);
        output.WriteLine(AlexNet.Summary.ToString());
    }
}
