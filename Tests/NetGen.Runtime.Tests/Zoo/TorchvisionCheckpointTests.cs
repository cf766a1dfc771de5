using System.Collections.Generic;
using System.Linq;
using NetGen.Runtime.Tests.OpenWorld;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Vision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// The two checks every zoo family makes, one row per family: the smallest variant loads a real torchvision checkpoint
/// strictly and computes torchvision's output (the checkpoint is written in the test run by
/// tools/fixtures/make_torchvision_resnet.py, which serves any torchvision classification model), and the class's
/// compile-time summary at its defaults counts torchvision's parameters (where no other file checks it). Checks of a
/// family's own are in its file (MobileNetV3, EfficientNet, EfficientNetV2, MNASNet); ShuffleNet, VGG, DenseNet and
/// ResNet have older files of their own that load their checkpoints once for several checks.
/// </summary>
public sealed class TorchvisionCheckpointTests(ITestOutputHelper output)
{
    /// <summary>Each family's smallest variant (both SqueezeNets: their versions differ in layout, not size).</summary>
    public static IEnumerable<object[]> Checkpoints() =>
        new[]
        {
            "alexnet", "squeezenet1_0", "squeezenet1_1", "googlenet", "mobilenet_v3_small", "efficientnet_b0", "efficientnet_v2_s",
            "mnasnet0_5", "convnext_tiny", "vit_b_16",
            "swin_t", "swin_v2_t", "maxvit_t",
            "regnet_x_400mf", "regnet_y_400mf",
            "inception_v3",
        }.Select(a => new object[] { a });

    /// <summary>The torchvision variant each class's defaults are, with the summary computed at compile time for them.</summary>
    public static IEnumerable<object[]> DefaultSummaries() =>
    [
        ["alexnet", AlexNet.Summary],
        ["squeezenet1_0", SqueezeNet.Summary],
        ["googlenet", GoogLeNet.Summary],
        ["convnext_tiny", ConvNeXt.Summary],
        ["vit_b_16", VisionTransformer.Summary],
        ["regnet_y_400mf", RegNet.Summary],
        ["inception_v3", InceptionV3.Summary],
    ];

    [SkippableTheory]
    [MemberData(nameof(Checkpoints))]
    public void Loads_the_torchvision_checkpoint_strictly_and_computes_its_output_within_1e_4_relative(string arch)
    {
        PythonScripts.SkipUnless("torchvision");
        using var directory = new TempDirectory();
        output.WriteLine(PythonScripts.Run("make_torchvision_resnet.py", directory.Path, arch));
        using var scope = NewDisposeScope();
        using var model = ZooManifestTests.Build(arch);

        TorchvisionChecks.LoadsStrictly(model, directory.File(arch + ".pt"), arch, output);
        TorchvisionChecks.ComputesTorchvisionsOutput(model, directory.File(arch + ".io.pt"), arch, output);
    }

    [Theory]
    [MemberData(nameof(DefaultSummaries))]
    public void The_compile_time_summary_at_the_defaults_counts_torchvisions_parameters(string arch, ModelSummary summary)
    {
        Assert.Equal(ZooManifest.Load(arch).Parameters, summary.TotalParameters);
        output.WriteLine($"{arch}: {summary.TotalParameters:N0} parameters");
    }
}
