using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Summaries;

/// <summary>
/// A model's static factories (<c>ResNet.ResNet50()</c>) get summaries of their own, computed by the same walk as the
/// defaults' with the factory's arguments in place of the defaults. These tests read the generated data: which
/// factories qualify, what each section says, and that a factory NetGen cannot read is named rather than dropped.
/// </summary>
public sealed class VariantSummaryTests
{
    private const string Model = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        public enum Width { Narrow = 8, Wide = 32 }

        [Model(Input = [3, 16, 16])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(int width = 16, int classes = 10, bool norm = false, int poolSize = 2);

            [Conv2d(3, "width", 3, Padding = 1)] public partial Conv2d conv { get; }
            [When("norm")]
            [BatchNorm2d("width")] public partial BatchNorm2d? bn { get; }
            [MaxPool2d("poolSize")] public partial MaxPool2d down { get; }
            [AdaptiveAvgPool2d(1)] public partial AdaptiveAvgPool2d pool { get; }
            [Flatten] public partial Flatten flat { get; }
            [Linear("width", "classes")] public partial Linear fc { get; }

            public static Net Small(int classes = 100) => new(8, classes);
            public static Net Normed() { return new Net(width: (int)Width.Wide, norm: true); }
            public static Net Broken() => new(poolSize: 32);
            public static Net Sized(int width) => new(width);
            public static Net Twice() => new();
            public static Net Twice(int classes) => new(classes: classes);
            public static object NotAFactory() => new Net();
        }
        """;

    [Fact]
    public void Each_readable_factory_has_a_section_with_its_own_shapes_and_counts()
    {
        var run = GeneratorHarness.Run(Model);
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        var data = Data(run);

        var sections = Regex.Matches(data, @"variant\t(\w+)\t([^\n]*)").Select(m => (Name: m.Groups[1].Value, Arguments: m.Groups[2].Value)).ToList();
        Assert.Equal(["Small", "Normed", "Broken"], sections.Select(s => s.Name));
        Assert.Equal("width = 8, classes = 100", sections[0].Arguments);
        Assert.Equal("width = 32, norm = true", sections[1].Arguments);

        // Small: conv 3*8*9+8 = 224, fc 8*100+100 = 900. Normed adds bn (2*32) at width 32: conv 896, fc 330.
        // Each section's shapes are its own: the pool halves 16x16 either way, at the section's width.
        Assert.Equal("1124", Total(Section(data, "Small")));
        Assert.Contains("row\tconv\tConv2d\t0\t8,16,16\t224\t", Section(data, "Small"));
        Assert.Equal(896 + 64 + 330 + "", Total(Section(data, "Normed")));
        Assert.Contains("row\tbn\tBatchNorm2d\t0\t32,16,16\t64\t", Section(data, "Normed"));
        Assert.DoesNotContain("\tbn\t", Section(data, "Small"));
        Assert.Contains("row\tdown\tMaxPool2d\t0\t8,8,8\t0\t", Section(data, "Small"));
        // The defaults: conv 448, fc 170.
        Assert.Equal("618", Total(data.Substring(0, data.IndexOf("variant\t", System.StringComparison.Ordinal))));
    }

    [Fact]
    public void A_factory_NetGen_cannot_read_is_named_with_the_reason()
    {
        var data = Data(GeneratorHarness.Run(Model));
        var defaults = data.Substring(0, data.IndexOf("variant\t", System.StringComparison.Ordinal));

        Assert.Contains("note\tNet.Sized() has no summary in Summary.Variants: its argument for 'width' is not a constant.", defaults);
        Assert.Contains("note\tNet.Twice() has no summary in Summary.Variants: its name has overloads.", defaults);
        Assert.DoesNotContain("NotAFactory", data);
    }

    [Fact]
    public void What_fails_at_a_factorys_hyperparameters_is_a_note_of_its_section_not_a_diagnostic()
    {
        var run = GeneratorHarness.Run(Model);
        var broken = Section(Data(run), "Broken");

        // A 32x32 pool over a 16x16 input raises in PyTorch. The factory is the user's to fix, but the model itself is
        // correct, so the build stays clean and the variant's summary says what NetGen found.
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        var note = Assert.Single(Regex.Matches(broken, @"note\tAt these hyperparameters NetGen finds (NG\d+): ([^\n]*)"));
        Assert.Contains("down", note.Groups[2].Value);
        Assert.DoesNotContain("At these hyperparameters", Section(Data(run), "Small"));
    }

    /// <summary>The summary's data, unescaped from the generated literal.</summary>
    private static string Data(GeneratorRun run) => SummaryData.Of(run, "Net.g.cs", "Net");

    private static string Section(string data, string variant)
    {
        var start = data.IndexOf("variant\t" + variant + "\t", System.StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section for {variant}");
        var end = data.IndexOf("variant\t", start + 1, System.StringComparison.Ordinal);
        return end < 0 ? data.Substring(start) : data.Substring(start, end - start);
    }

    private static string Total(string section) => Regex.Match(section, @"total\t(-?\d+)\t").Groups[1].Value;
}
