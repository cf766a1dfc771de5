using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Wiring;

/// <summary>
/// torchvision's resnet, resnext and wide_resnet families are one NetGen class (Samples/NetGen.Vision/ResNet.cs,
/// the block chosen by alternative <c>[Repeat&lt;T&gt;(When = …)]</c> stages). Its compile-time summary is computed at the
/// defaults, so each variant is compiled here with its hyperparameters as the defaults: the generator's own count must be
/// torchvision's, as make_zoo_manifests.py recorded it from real torchvision 0.14.
/// </summary>
public sealed class ResNetFamilySummaryTests
{
    /// <summary>torchvision's builders: the block, the four stage depths, groups and width per group.</summary>
    public static TheoryData<string, string, int, int, int, int, int, int> Variants => new()
    {
        { "resnet18", "Basic", 2, 2, 2, 2, 1, 64 },
        { "resnet34", "Basic", 3, 4, 6, 3, 1, 64 },
        { "resnet50", "Bottleneck", 3, 4, 6, 3, 1, 64 },
        { "resnet101", "Bottleneck", 3, 4, 23, 3, 1, 64 },
        { "resnet152", "Bottleneck", 3, 8, 36, 3, 1, 64 },
        { "resnext50_32x4d", "Bottleneck", 3, 4, 6, 3, 32, 4 },
        { "resnext101_32x8d", "Bottleneck", 3, 4, 23, 3, 32, 8 },
        { "resnext101_64x4d", "Bottleneck", 3, 4, 23, 3, 64, 4 },
        { "wide_resnet50_2", "Bottleneck", 3, 4, 6, 3, 1, 128 },
        { "wide_resnet101_2", "Bottleneck", 3, 4, 23, 3, 1, 128 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_compile_time_summary_counts_torchvisions_parameters(string arch, string block, int layers1, int layers2, int layers3, int layers4, int groups, int widthPerGroup)
    {
        var resnet = WithDefaults(RepositoryFiles.Read("Samples/NetGen.Vision/ResNet.cs"), block, layers1, layers2, layers3, layers4, groups, widthPerGroup);
        var run = GeneratorHarness.Run(resnet,
            RepositoryFiles.Read("Samples/NetGen.Vision/BasicBlock.cs"),
            RepositoryFiles.Read("Samples/NetGen.Vision/Bottleneck.cs"));

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        Assert.Empty(run.CompilationErrors);
        var total = Regex.Match(run.Generated("NetGen.Vision.ResNet.g.cs"), @"\\ntotal\\t(\d+)\\t");
        Assert.True(total.Success, "the summary has no total");
        Assert.Equal(ZooVariants.TorchvisionParameters(arch), long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>ResNet.cs with the variant's hyperparameters as the constructor's defaults, each replacement checked.</summary>
    private static string WithDefaults(string source, string block, params int[] values)
    {
        source = ZooVariants.ReplaceOnce(source, @"ResNetBlock block = ResNetBlock\.\w+", "ResNetBlock block = ResNetBlock." + block);
        string[] names = ["layers1", "layers2", "layers3", "layers4", "groups", "widthPerGroup"];
        for (var i = 0; i < names.Length; i++)
        {
            source = ZooVariants.ReplaceOnce(source, $@"int {names[i]} = \d+", $"int {names[i]} = {values[i]}");
        }

        return source;
    }
}
