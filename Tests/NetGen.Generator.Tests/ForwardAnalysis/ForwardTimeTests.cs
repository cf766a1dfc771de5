using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests.ForwardAnalysis;

/// <summary>
/// Issue 13's cost figure: the time NetGen spends following hand-written forwards. The project is issue 13's nine
/// models with hand-written forwards (Tests/NetGen.Runtime.Tests/OpenWorld/Models: the U-Net, dense block, ShuffleNet
/// unit, SE block, ViT encoder block and TinyViT, text classifier, hand-written ResNet34 and its residual block), 22
/// copies in 22 namespaces: 198 models. It is compiled twice: as written, and with every forward's body replaced by
/// <c>throw null!</c> (a forward with nothing to follow). Generator and analyzer time come from Roslyn's own timing, the
/// median of three runs after a first one; the difference, divided by the number of forwards, is what following one
/// forward costs. docs/performance.md records the figures; the test asserts only that the models are clean.
/// </summary>
public sealed class ForwardTimeTests(ITestOutputHelper output)
{
    private const int Copies = 22;

    private static readonly string[] ModelFiles =
    [
        "TinyUNet.cs", "DenseBlock.cs", "ShuffleUnit.cs", "SqueezeExcite.cs", "TinyViT.cs", "TextClassifier.cs", "ResNet34Forward.cs",
    ];

    [Fact]
    public void Time_to_follow_a_hand_written_forward()
    {
        var sources = Sources(keepForwards: true);
        var stubbed = Sources(keepForwards: false);
        var forwards = sources.Sum(s => CSharpSyntaxTree.ParseText(s).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Count(m => m.Identifier.Text == "forward"));

        var run = GeneratorHarness.Run(sources);
        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(Copies * 9, forwards);

        var (generator, analyzer) = Time(sources);
        var (generatorStubbed, analyzerStubbed) = Time(stubbed);
        var perForward = (generator - generatorStubbed + analyzer - analyzerStubbed) / forwards;
        output.WriteLine($"models with a hand-written forward: {forwards}");
        output.WriteLine($"followed:   generator {generator:F0} ms ({generator / forwards:F2} per model), analyzer {analyzer:F0} ms ({analyzer / forwards:F2} per model)");
        output.WriteLine($"throw null: generator {generatorStubbed:F0} ms ({generatorStubbed / forwards:F2} per model), analyzer {analyzerStubbed:F0} ms ({analyzerStubbed / forwards:F2} per model)");
        output.WriteLine($"following one forward, generator and analyzer together: {perForward:F2} ms");
    }

    private static string[] Sources(bool keepForwards)
    {
        var directory = Path.Combine(RepoRoot(), "Tests", "NetGen.Runtime.Tests", "OpenWorld", "Models");
        return ModelFiles.SelectMany(file =>
        {
            var text = File.ReadAllText(Path.Combine(directory, file));
            if (!keepForwards)
            {
                var root = CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions).GetRoot();
                var forwards = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.Text == "forward");
                text = root.ReplaceNodes(forwards, (m, _) => m.WithBody(null)
                    .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression(" throw null!")))
                    .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))).ToFullString();
            }

            return Enumerable.Range(0, Copies).Select(i => text.Replace(
                "namespace NetGen.Runtime.Tests.OpenWorld.Models;",
                "namespace Bench" + i.ToString(CultureInfo.InvariantCulture) + ";",
                StringComparison.Ordinal));
        }).ToArray();
    }

    private static (double Generator, double Analyzer) Time(string[] sources)
    {
        var compilation = GeneratorHarness.Compile(sources);
        // Each run follows every forward afresh, as the first build of a process does, rather than answering from the run before.
        using var fresh = NothingKept.Scope();
        var generator = new List<double>();
        var analyzer = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            var driver = GeneratorHarness.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
            var generatorTime = driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime.TotalMilliseconds;
            var analyzerTime = AnalyzerTime(generated);
            if (i > 0)
            {
                generator.Add(generatorTime);
                analyzer.Add(analyzerTime);
            }
        }

        return (Median(generator), Median(analyzer));
    }

    private static double AnalyzerTime(Compilation compilation)
    {
        var analyzer = new NetGen.Generator.Analyzer.NetGenAnalyzer();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
        withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NetGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NetGen.sln not found above " + AppContext.BaseDirectory);
    }
}
