using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.CrossAssembly;

/// <summary>
/// A consumer of a class library of NetGen blocks gets what it would get with the blocks in its own
/// project: the same NG diagnostics (by id, severity, line and message), inferred sizes, Summary, Keys and
/// StateSchema. Each consumer is compiled twice, against the library's dll and with the library's sources,
/// and the two results are compared piece by piece, then as whole generated files.
/// </summary>
public sealed class CrossAssemblyEquivalenceTests
{
    private static readonly Lazy<MetadataReference> Library = new(() => TwoAssemblies.Library(BlockLibrarySources.Blocks));

    /// <summary>Consumers: the correct one, one whose widths are hyperparameters, and three with a wrong channel count.</summary>
    public static TheoryData<string> Consumers => new(BlockLibrarySources.ConsumerVariants.Keys.OrderBy(k => k, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Consumers))]
    public void The_consumer_gets_the_same_diagnostics_as_with_the_blocks_in_its_own_project(string variant)
    {
        var (across, within) = CompileBothWays(variant);

        var expected = TwoAssemblies.ConsumerDiagnostics(within);
        Assert.Equal(expected, TwoAssemblies.ConsumerDiagnostics(across));
        Assert.DoesNotContain(across.GeneratorDiagnostics, d => d.Id is "NG0099" or "AD0001");
    }

    [Theory]
    [MemberData(nameof(Consumers))]
    public void The_consumer_gets_the_same_generated_code_as_with_the_blocks_in_its_own_project(string variant)
    {
        var (across, within) = CompileBothWays(variant);
        var acrossCode = across.Generated(BlockLibrarySources.ConsumerFile);
        var withinCode = within.Generated(BlockLibrarySources.ConsumerFile);

        // Piece by piece first, so a failure names what differs; then the whole file.
        Assert.Equal(GeneratedCode.ConstructorBody(withinCode), GeneratedCode.ConstructorBody(acrossCode));
        Assert.Equal(GeneratedCode.SummaryText(withinCode), GeneratedCode.SummaryText(acrossCode));
        Assert.Equal(GeneratedCode.Keys(withinCode), GeneratedCode.Keys(acrossCode));
        Assert.Equal(GeneratedCode.StateSchema(withinCode), GeneratedCode.StateSchema(acrossCode));
        Assert.Equal(withinCode, acrossCode);
        Assert.Empty(across.CompilationErrors.Select(d => d.ToString()));
    }

    /// <summary>
    /// Not only equal but right: the sizes the consumer omits are inferred through the library's blocks, and
    /// the summary counts the blocks' parameters (figures from PyTorch's formulas, worked out by hand).
    /// </summary>
    [Fact]
    public void Sizes_omitted_after_a_foreign_block_are_inferred_through_it()
    {
        var (across, _) = CompileBothWays(BlockLibrarySources.Correct);
        var code = across.Generated(BlockLibrarySources.ConsumerFile);

        Assert.Empty(across.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        // features: ConvBnReLU(24, 32, 2) then BatchNorm2d() — num_features 32, from inside the block.
        Assert.Contains("(\"1\", global::TorchSharp.torch.nn.BatchNorm2d(32))", code);
        // head: the stage of Basic blocks ends with 64 channels, pooled and flattened to 64 features.
        Assert.Contains("global::TorchSharp.torch.nn.Linear(64, @numClasses)", code);
        var summary = GeneratedCode.SummaryText(code);
        // stem.conv: Conv2d(3, 24, 3): 3·24·9 + 24 = 672 parameters, 24×32×32 out.
        Assert.Contains("row\\tstem.conv\\tConv2d\\t1\\t24,32,32\\t672\\t", summary);
        // stage.0 (Basic(32, 64, 2, true)): body 32·64·9 + 128 + 64·64·9 + 128 = 55552; shortcut 32·64 + 128 = 2176.
        Assert.Contains("row\\tstage.0\\tBasic\\t1\\t64,8,8\\t57728\\t", summary);
        Assert.Contains("public const string running_mean = \"stage.2.body.4.running_mean\";", GeneratedCode.Keys(code));
        Assert.Contains("schema.Module(\"stage\", this.__f_stage);", GeneratedCode.StateSchema(code));
    }

    /// <summary>
    /// A wrong channel count across the boundary is NG0107, an error, on the consumer's use of the block: the
    /// member's name for <c>[Block]</c> and <c>[Repeat&lt;T&gt;]</c>, the attribute for a <c>[Block&lt;T&gt;]</c> child.
    /// </summary>
    [Theory]
    [InlineData(BlockLibrarySources.WrongBlockMember, "stem", "stem.conv expects 3 input channels but receives 1")]
    [InlineData(BlockLibrarySources.WrongBlockInSequential, "Block<Blocks.ConvBnReLU>(16, 32, 2)", "features.0.0 expects 16 input channels but receives 24")]
    [InlineData(BlockLibrarySources.WrongRepeat, "stage", "stage.0.body.0 expects 48 input channels but receives 32")]
    public void A_wrong_channel_count_across_the_boundary_is_NG0107_at_the_use_site(string variant, string useSite, string message)
    {
        var (across, _) = CompileBothWays(variant);

        var errors = across.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, error =>
        {
            Assert.Equal("NG0107", error.Id);
            Assert.Equal(useSite, error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        });
        Assert.Contains(errors, error => error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(message, StringComparison.Ordinal));
    }

    private static (GeneratorRun Across, GeneratorRun Within) CompileBothWays(string variant)
    {
        var consumer = BlockLibrarySources.ConsumerVariants[variant];
        return (TwoAssemblies.Consumer(Library.Value, consumer), TwoAssemblies.OneProject([BlockLibrarySources.Blocks], [consumer]));
    }
}
