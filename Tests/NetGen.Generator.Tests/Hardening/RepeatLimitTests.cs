using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests.Hardening;

/// <summary>
/// Issue 15, case 8: <c>[Repeat&lt;Blk&gt;(N)]</c> had no cap, and generator time grew faster than N (319 s for
/// 100,000). A count above 10,000 is NG0006 on the count; up to it, blocks 2… of a stage that keeps its shape
/// are checked once and summarised in one row, and the constructor builds them in a loop, so the generated
/// file and the work do not grow with the count.
/// </summary>
public sealed class RepeatLimitTests
{
    private readonly ITestOutputHelper _output;

    public RepeatLimitTests(ITestOutputHelper output) => _output = output;

    private static string Stage(string count) => $$"""
        [Model(Input = [4, 8, 8])] public partial class Big : nn.Module<Tensor, Tensor>
        {
            [Repeat<Blk>({{count}})] public partial Sequential s { get; }
        }

        [Model(Input = [4, 8, 8])] public partial class Blk : nn.Module<Tensor, Tensor>
        {
            [Conv2d(4, 4, 3, Padding = 1)] public partial Conv2d c { get; }
        }
        """;

    [Theory]
    [InlineData("100000")]
    [InlineData("10001")]
    [InlineData("int.MaxValue")]
    [InlineData("long.MaxValue")]
    [InlineData("0")]
    public Task A_count_beyond_the_cap_is_refused_on_the_count(string count) =>
        GeneratorDiagnosticTest.VerifyAsync(Declarations.Usings + Stage("{|NG0006:" + count + "|}"));

    [Fact]
    public void A_stage_of_ten_thousand_blocks_is_built_in_a_loop_and_summarised_in_one_row()
    {
        var run = Declarations.Run(Stage("10000"));

        Declarations.AssertAccepted(run);
        var summary = Declarations.Summary(run, "Big");
        Assert.Equal(new[] { "s", "s.0", "s.0.c", "s.1", "s.1.c", "s.2…9999" }, summary.Rows.Select(r => r.Path));
        var blockParameters = 4 * 4 * 3 * 3 + 4;
        Assert.Equal("9,998 × Blk", summary.Rows[5].Type);
        Assert.Equal(9_998L * blockParameters, summary.Rows[5].Parameters);
        Assert.Equal(10_000L * blockParameters, summary.TotalParameters);
        var text = Declarations.GeneratedText(run, "Big");
        Assert.Contains("for (var i = 1; i < 10000; i++)", text);

        // The generated file does not grow with the count: a stage of 100 blocks gives the same file but for the digits.
        var small = Declarations.GeneratedText(Declarations.Run(Stage("100")), "Big");
        Assert.InRange(text.Length - small.Length, 0, 64);
    }

    [Fact]
    public void A_long_stage_stops_at_its_first_failing_block()
    {
        // Each block shrinks the sample, so blocks are not alike and are walked one by one until the size collapses.
        var run = Declarations.Run("""
            [Model(Input = [4, 64])] public partial class Shrinking : nn.Module<Tensor, Tensor>
            {
                [Repeat<Cut>(5000)] public partial Sequential s { get; }
            }

            [Model] public partial class Cut : nn.Module<Tensor, Tensor>
            {
                [Conv1d(4, 4, 3)] public partial Conv1d c { get; }
            }
            """);

        Assert.Empty(Declarations.Crashes(run));
        var error = Assert.Single(Declarations.NgErrors(run));
        Assert.Equal("NG0107", error.Id);
    }

    /// <summary>
    /// The acceptance figure: generator and analyzer time for a stage of 10,000 blocks and one of 100,000, each the
    /// median of five runs after a first one, written to the test output (docs/performance.md records them).
    /// Only the outcome is asserted; a unit test never asserts time.
    /// </summary>
    [Fact]
    public void Generator_time_for_ten_thousand_and_a_hundred_thousand_blocks()
    {
        _output.WriteLine("count | NG errors | generated chars | generator median (ms) | analyzer median (ms) | first of six runs: generator, analyzer (ms)");
        // Each run analyses and emits afresh, as the first build of a process does, rather than answering from the run before.
        using var fresh = NothingKept.Scope();
        foreach (var count in new[] { 10_000, 100_000 })
        {
            var compilation = GeneratorHarness.Compile(Declarations.Usings + Stage(count.ToString(CultureInfo.InvariantCulture)));
            var generator = new List<double>();
            var analyzer = new List<double>();
            var first = "";
            for (var i = 0; i < 6; i++)
            {
                var driver = GeneratorHarness.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
                var generatorTime = driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime.TotalMilliseconds;
                var analyzerTime = AnalyzerTime(output);
                if (i > 0)
                {
                    generator.Add(generatorTime);
                    analyzer.Add(analyzerTime);
                }
                else
                {
                    // Run alone (the command in docs/performance.md), the first run of 10,000 also pays for compiling NetGen's code (JIT).
                    first = $"{generatorTime:F1}, {analyzerTime:F1}";
                }
            }

            var run = GeneratorHarness.Run(compilation, trackSteps: false);
            var errors = Declarations.NgErrors(run).Select(d => d.Id).ToList();
            var chars = run.GeneratedSources.Sum(s => s.Text.Length);
            _output.WriteLine($"{count:N0} | {string.Join(", ", errors)} | {chars:N0} | {Median(generator):F1} | {Median(analyzer):F1} | {first}");
            Assert.Empty(Declarations.Crashes(run));
            Assert.Equal(count > 10_000 ? new[] { "NG0006" } : new string[0], errors);
        }
    }

    private static double AnalyzerTime(Compilation output)
    {
        var analyzer = new NetGen.Generator.Analyzer.NetGenAnalyzer();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
        withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
