using NetGen.Runtime.Tests.OpenWorld;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Samples.Torchvision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// NetGen's SqueezeNet (Samples/NetGen.SeedModels/Torchvision/SqueezeNet.cs), whose two versions are one class with
/// conditional children, against real torchvision squeezenet1_0 and squeezenet1_1 checkpoints (5 MB each) written in
/// the test run by tools/fixtures/make_torchvision_resnet.py.
/// </summary>
public sealed class TorchvisionSqueezeNetTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("squeezenet1_0")]
    [InlineData("squeezenet1_1")]
    public void Loads_the_torchvision_checkpoint_strictly_and_computes_its_output_within_1e_4_relative(string arch)
    {
        PythonScripts.SkipUnless("torchvision");
        using var directory = new TempDirectory();
        output.WriteLine(PythonScripts.Run("make_torchvision_resnet.py", directory.Path, arch));
        using var scope = NewDisposeScope();
        using var model = arch == "squeezenet1_0" ? SqueezeNet.SqueezeNet1_0() : SqueezeNet.SqueezeNet1_1();

        TorchvisionChecks.LoadsStrictly(model, directory.File(arch + ".pt"), arch, output);
        TorchvisionChecks.ComputesTorchvisionsOutput(model, directory.File(arch + ".io.pt"), arch, output);
    }

    [Fact]
    public void The_compile_time_summary_counts_torchvisions_parameters_at_the_default_version()
    {
        Assert.Equal(ZooManifest.Load("squeezenet1_0").Parameters, SqueezeNet.Summary.TotalParameters);
    }
}
