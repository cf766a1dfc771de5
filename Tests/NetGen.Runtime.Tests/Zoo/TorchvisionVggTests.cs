using System;
using System.Linq;
using NetGen.Runtime.Tests.OpenWorld;
using NetGen.Runtime.Tests.StateDict;
using NetGen.Vision;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// NetGen's VGG (Samples/NetGen.Vision/Vgg.cs), whose <c>features</c> is a stage table with conditional
/// children, against real torchvision checkpoints made at test time by tools/fixtures/make_torchvision_resnet.py (which
/// serves any torchvision classification model). vgg11 is the family's smallest variant; vgg11_bn adds the conditional
/// BatchNorms, which shift every later index, so both are checked. Each is full size (torchvision's num_classes 1000, a
/// 507 MiB checkpoint): a smaller classifier would not shrink it, since 102.8M of its 132.9M parameters are
/// <c>classifier.0</c>'s, fixed by the 512·7·7 features. So each variant is written, checked and deleted in turn, and
/// at most one checkpoint is on disk at a time.
/// </summary>
public sealed class TorchvisionVggTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("vgg11")]
    [InlineData("vgg11_bn")]
    public void Loads_the_torchvision_checkpoint_strictly_and_computes_its_output_within_1e_4_relative(string arch)
    {
        PythonScripts.SkipUnless("torchvision");
        using var directory = new TempDirectory();
        var log = PythonScripts.Run("make_torchvision_resnet.py", directory.Path, arch);
        using var scope = NewDisposeScope();
        using var model = arch == "vgg11" ? Vgg.Vgg11() : Vgg.Vgg11BN();

        output.WriteLine(log);
        TorchvisionChecks.LoadsStrictly(model, directory.File(arch + ".pt"), arch, output);
        TorchvisionChecks.ComputesTorchvisionsOutput(model, directory.File(arch + ".io.pt"), arch, output);
    }

    [Fact]
    public void The_compile_time_summary_is_vgg11_at_the_default_hyperparameters_and_counts_its_parameters()
    {
        // The defaults are config A without BN: torchvision's vgg11 (132,863,336 parameters, in its manifest).
        using var model = new Vgg();
        Assert.Equal(ZooManifest.Load("vgg11").Parameters, Vgg.Summary.TotalParameters);
        Assert.Equal(model.parameters().Sum(p => p.numel()), Vgg.Summary.TotalParameters);
        Assert.Equal(ZooManifest.Load("vgg11").Entries.Count(e => e.Key.StartsWith("features.", StringComparison.Ordinal)) / 2,
            Vgg.Summary.Rows.Count(r => r.Path.StartsWith("features.", StringComparison.Ordinal) && r.Type == "Conv2d"));
    }
}
