using System.Linq;
using NetGen.Runtime.Tests.OpenWorld;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Samples.Torchvision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// NetGen's GoogLeNet (Samples/NetGen.SeedModels/Torchvision/GoogLeNet.cs, Inception.cs, BasicConv2d.cs) against a real
/// torchvision googlenet checkpoint (50 MiB, with the auxiliary classifiers) written in the test run by
/// tools/fixtures/make_torchvision_resnet.py.
/// </summary>
public sealed class TorchvisionGoogLeNetTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Loads_the_torchvision_checkpoint_strictly_and_computes_its_output_within_1e_4_relative()
    {
        PythonScripts.SkipUnless("torchvision");
        using var directory = new TempDirectory();
        output.WriteLine(PythonScripts.Run("make_torchvision_resnet.py", directory.Path, "googlenet"));
        using var scope = NewDisposeScope();
        using var model = new GoogLeNet();

        var keys = TorchvisionChecks.LoadsStrictly(model, directory.File("googlenet.pt"), "googlenet", output);
        Assert.Contains("aux1.fc2.weight", keys);
        TorchvisionChecks.ComputesTorchvisionsOutput(model, directory.File("googlenet.io.pt"), "googlenet", output);
    }

    /// <summary>The auxiliary classifiers are in the state dict and the parameter count, as torchvision's are.</summary>
    [Fact]
    public void The_compile_time_summary_counts_torchvisions_parameters_with_the_auxiliary_classifiers()
    {
        Assert.Equal(ZooManifest.Load("googlenet").Parameters, GoogLeNet.Summary.TotalParameters);
        Assert.Contains(GoogLeNet.Summary.Rows, r => r.Path == "aux1");
    }
}
