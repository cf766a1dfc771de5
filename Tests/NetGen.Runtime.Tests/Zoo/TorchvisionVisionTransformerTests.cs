using NetGen.Runtime.Tests.OpenWorld;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Samples.Torchvision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// NetGen's VisionTransformer (Samples/NetGen.SeedModels/Torchvision/VisionTransformer.cs) against a real torchvision
/// vit_b_16 checkpoint (330 MiB, the family's smallest variant by weights per token) written in the test run by
/// tools/fixtures/make_torchvision_resnet.py. It exercises the token operations: the class token prepended, the position
/// embedding added and the class token selected, as well as batch-first self-attention.
/// </summary>
public sealed class TorchvisionVisionTransformerTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Loads_the_torchvision_checkpoint_strictly_and_computes_its_output_within_1e_4_relative()
    {
        PythonScripts.SkipUnless("torchvision");
        using var directory = new TempDirectory();
        output.WriteLine(PythonScripts.Run("make_torchvision_resnet.py", directory.Path, "vit_b_16"));
        using var scope = NewDisposeScope();
        using var model = VisionTransformer.B16();

        TorchvisionChecks.LoadsStrictly(model, directory.File("vit_b_16.pt"), "vit_b_16", output);
        TorchvisionChecks.ComputesTorchvisionsOutput(model, directory.File("vit_b_16.io.pt"), "vit_b_16", output);
    }

    [Fact]
    public void The_compile_time_summary_counts_torchvisions_parameters()
    {
        Assert.Equal(ZooManifest.Load("vit_b_16").Parameters, VisionTransformer.Summary.TotalParameters);
        output.WriteLine(VisionTransformer.Summary.ToString());
    }
}
