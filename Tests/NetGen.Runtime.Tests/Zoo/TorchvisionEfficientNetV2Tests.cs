using System.Linq;
using NetGen.Runtime.Tests.OpenWorld;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Samples.Torchvision;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// NetGen's EfficientNetV2 (Samples/NetGen.SeedModels/Torchvision/EfficientNetV2.cs, FusedMBConv.cs, MBConv.cs) against a
/// real torchvision efficientnet_v2_s checkpoint (the family's smallest variant, 82 MiB) written in the test run by
/// tools/fixtures/make_torchvision_resnet.py: stages of FusedMBConv and of MBConv blocks in one Sequential.
/// </summary>
public sealed class TorchvisionEfficientNetV2Tests(ITestOutputHelper output)
{
    private const string Arch = "efficientnet_v2_s";

    [SkippableFact]
    public void Loads_the_torchvision_checkpoint_strictly_and_computes_its_output_within_1e_4_relative()
    {
        PythonScripts.SkipUnless("torchvision");
        using var directory = new TempDirectory();
        output.WriteLine(PythonScripts.Run("make_torchvision_resnet.py", directory.Path, Arch));
        using var scope = NewDisposeScope();
        using var model = EfficientNetV2.S();

        TorchvisionChecks.LoadsStrictly(model, directory.File(Arch + ".pt"), Arch, output);
        TorchvisionChecks.ComputesTorchvisionsOutput(model, directory.File(Arch + ".io.pt"), Arch, output);
    }

    [Fact]
    public void The_summary_counts_torchvisions_parameters_for_every_size()
    {
        // The defaults are efficientnet_v2_s; the manifests' counts are torchvision's own (make_zoo_manifests.py).
        Assert.Equal(ZooManifest.Load(Arch).Parameters, EfficientNetV2.Summary.TotalParameters);
        Assert.Equal(ZooManifest.Load("efficientnet_v2_m").Parameters, EfficientNetV2.Summary.For(EfficientNetV2.M()).TotalParameters);
        Assert.Equal(ZooManifest.Load("efficientnet_v2_l").Parameters, EfficientNetV2.Summary.For(EfficientNetV2.L()).TotalParameters);
        output.WriteLine($"efficientnet_v2_s: {EfficientNetV2.Summary.TotalParameters:N0} parameters at compile time");
    }

    [Fact]
    public void Every_batch_norm_has_eps_0_001()
    {
        // torchvision: norm_layer=partial(nn.BatchNorm2d, eps=1e-03) for every V2 size; eval outputs depend on it.
        using var model = EfficientNetV2.M();
        Assert.All(model.modules().OfType<BatchNorm2d>(), bn => Assert.Equal(0.001, bn.eps));
    }
}
