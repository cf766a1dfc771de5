using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests.Wiring;

/// <summary>
/// torchvision's fifteen RegNets are one NetGen class (Samples/NetGen.Vision/RegNet.cs) whose stage widths,
/// depths and group widths are expressions of torchvision's <c>from_init_params</c> arguments. Its compile-time summary is
/// computed at the defaults, so each variant is compiled here with its arguments as the defaults: the generator's own
/// evaluation of those expressions, and its walk of every block, must count the parameters real torchvision 0.14 counted
/// (make_zoo_manifests.py), with nothing in RegNet left unchecked.
/// </summary>
public sealed class RegNetFamilySummaryTests(ITestOutputHelper output)
{
    /// <summary>torchvision's builders: <c>BlockParams.from_init_params(depth, w_0, w_a, w_m, group_width, se_ratio)</c>.</summary>
    public static TheoryData<string, int, int, double, double, int, double> Variants => new()
    {
        { "regnet_x_400mf", 22, 24, 24.48, 2.54, 16, 0.0 },
        { "regnet_x_800mf", 16, 56, 35.73, 2.28, 16, 0.0 },
        { "regnet_x_1_6gf", 18, 80, 34.01, 2.25, 24, 0.0 },
        { "regnet_x_3_2gf", 25, 88, 26.31, 2.25, 48, 0.0 },
        { "regnet_x_8gf", 23, 80, 49.56, 2.88, 120, 0.0 },
        { "regnet_x_16gf", 22, 216, 55.59, 2.1, 128, 0.0 },
        { "regnet_x_32gf", 23, 320, 69.86, 2.0, 168, 0.0 },
        { "regnet_y_400mf", 16, 48, 27.89, 2.09, 8, 0.25 },
        { "regnet_y_800mf", 14, 56, 38.84, 2.4, 16, 0.25 },
        { "regnet_y_1_6gf", 27, 48, 20.71, 2.65, 24, 0.25 },
        { "regnet_y_3_2gf", 21, 80, 42.63, 2.66, 24, 0.25 },
        { "regnet_y_8gf", 17, 192, 76.82, 2.19, 56, 0.25 },
        { "regnet_y_16gf", 18, 200, 106.23, 2.48, 112, 0.25 },
        { "regnet_y_32gf", 20, 232, 115.89, 2.53, 232, 0.25 },
        { "regnet_y_128gf", 27, 456, 160.83, 2.52, 264, 0.25 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_compile_time_summary_counts_torchvisions_parameters(string arch, int depth, int w0, double wa, double wm, int groupWidth, double seRatio)
    {
        var regnet = RepositoryFiles.Read("Samples/NetGen.Vision/RegNet.cs");
        regnet = ZooVariants.ReplaceOnce(regnet, @"int depth = \d+", $"int depth = {depth}");
        regnet = ZooVariants.ReplaceOnce(regnet, @"int w0 = \d+", $"int w0 = {w0}");
        regnet = ZooVariants.ReplaceOnce(regnet, @"double wa = [\d.]+", "double wa = " + wa.ToString("R", CultureInfo.InvariantCulture));
        regnet = ZooVariants.ReplaceOnce(regnet, @"double wm = [\d.]+", "double wm = " + wm.ToString("R", CultureInfo.InvariantCulture));
        regnet = ZooVariants.ReplaceOnce(regnet, @"int groupWidth = \d+", $"int groupWidth = {groupWidth}");
        regnet = ZooVariants.ReplaceOnce(regnet, @"double seRatio = [\d.]+", "double seRatio = " + seRatio.ToString("R", CultureInfo.InvariantCulture));
        var run = GeneratorHarness.Run(regnet,
            RepositoryFiles.Read("Samples/NetGen.Vision/ResBottleneckBlock.cs"),
            RepositoryFiles.Read("Samples/NetGen.Vision/Conv2dNormActivationVariants.cs"),
            RepositoryFiles.Read("Samples/NetGen.Vision/SqueezeExcitation.cs"));

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        Assert.Empty(run.CompilationErrors);
        foreach (var note in run.GeneratorDiagnostics)
        {
            output.WriteLine(note.ToString());
        }

        // The defaults' section, before the factories' own (Summary.Variants).
        var code = run.Generated("NetGen.Vision.RegNet.g.cs");
        code = code.Substring(0, code.IndexOf(@"\nvariant\t", System.StringComparison.Ordinal));
        var total = Regex.Match(code, @"\\ntotal\\t(\d+)\\t");
        Assert.True(total.Success, "the summary has no total");
        // The walk at these defaults decides every width, depth and condition: every row (path, type, depth, shape,
        // parameters, mult-adds) has a known shape and parameter count, and the blocks are torchvision's.
        var rows = Regex.Matches(code, @"\\nrow\\t(.*?)(?=\\n)").Select(m => m.Groups[1].Value.Split(@"\t")).ToList();
        Assert.All(rows, r => Assert.True(r[3].Length > 0 && !r[3].Split(',').Contains("-1") && r[4] != "-1", string.Join(" ", r)));
        var blocks = rows.Count(r => Regex.IsMatch(r[0], @"^trunk_output\.block\d\.block\d-\d+$"));
        Assert.Equal(depth, blocks);
        Assert.Equal(ZooVariants.TorchvisionParameters(arch), long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture));
        output.WriteLine($"{arch}: {total.Groups[1].Value} parameters at compile time");
    }
}
