using NetGen.Runtime.Tests.OpenWorld;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Samples.Torchvision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// NetGen's MobileNetV3 (Samples/NetGen.SeedModels/Torchvision/MobileNetV3.cs, MobileNetV3Block.cs) against a real
/// torchvision mobilenet_v3_small checkpoint (the family's smallest variant, 10 MB) written in the test run by
/// tools/fixtures/make_torchvision_resnet.py: Hardswish and ReLU blocks, squeeze-excitation with a Hardsigmoid scale,
/// and BatchNorm with eps 0.001 all take part in the output.
/// </summary>
public sealed class TorchvisionMobileNetV3Tests(ITestOutputHelper output)
{
    private const string Arch = "mobilenet_v3_small";

    [SkippableFact]
    public void Loads_the_torchvision_checkpoint_strictly_and_computes_its_output_within_1e_4_relative()
    {
        PythonScripts.SkipUnless("torchvision");
        using var directory = new TempDirectory();
        output.WriteLine(PythonScripts.Run("make_torchvision_resnet.py", directory.Path, Arch));
        using var scope = NewDisposeScope();
        using var model = MobileNetV3.Small();

        TorchvisionChecks.LoadsStrictly(model, directory.File(Arch + ".pt"), Arch, output);
        TorchvisionChecks.ComputesTorchvisionsOutput(model, directory.File(Arch + ".io.pt"), Arch, output);
    }

    [Fact]
    public void The_summary_counts_torchvisions_parameters_for_both_variants()
    {
        // The defaults are mobilenet_v3_large; the manifests' counts are torchvision's own (make_zoo_manifests.py).
        Assert.Equal(ZooManifest.Load("mobilenet_v3_large").Parameters, MobileNetV3.Summary.TotalParameters);
        Assert.Equal(ZooManifest.Load(Arch).Parameters, MobileNetV3.Summary.For(MobileNetV3.Small()).TotalParameters);
        output.WriteLine(MobileNetV3.Summary.ToString());
    }
}
