using NetGen.Runtime.Tests.OpenWorld;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Samples.Torchvision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// NetGen's ConvNeXt (Samples/NetGen.SeedModels/Torchvision/ConvNeXt.cs, CNBlock.cs) against a real torchvision
/// convnext_tiny checkpoint (110 MiB, the family's smallest variant) written in the test run by
/// tools/fixtures/make_torchvision_resnet.py, whose layer scales are drawn near 0.2 so that every block counts.
/// </summary>
public sealed class TorchvisionConvNeXtTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Loads_the_torchvision_checkpoint_strictly_and_computes_its_output_within_1e_4_relative()
    {
        PythonScripts.SkipUnless("torchvision");
        using var directory = new TempDirectory();
        output.WriteLine(PythonScripts.Run("make_torchvision_resnet.py", directory.Path, "convnext_tiny"));
        using var scope = NewDisposeScope();
        using var model = ConvNeXt.Tiny();

        TorchvisionChecks.LoadsStrictly(model, directory.File("convnext_tiny.pt"), "convnext_tiny", output);
        TorchvisionChecks.ComputesTorchvisionsOutput(model, directory.File("convnext_tiny.io.pt"), "convnext_tiny", output);
    }

    [Fact]
    public void The_compile_time_summary_counts_torchvisions_parameters()
    {
        Assert.Equal(ZooManifest.Load("convnext_tiny").Parameters, ConvNeXt.Summary.TotalParameters);
        output.WriteLine(ConvNeXt.Summary.ToString());
    }
}
