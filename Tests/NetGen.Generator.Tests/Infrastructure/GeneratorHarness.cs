using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Runs the real generator over a real Roslyn compilation. References come from
/// Basic.Reference.Assemblies (.NET 10) plus the TorchSharp, attribute and runtime assemblies this test
/// project was built against, so nothing is downloaded at test time.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    public static readonly ImmutableArray<MetadataReference> References = Net100.References.All.Cast<MetadataReference>()
        .Concat(new[]
        {
            typeof(TorchSharp.torch).Assembly,
            typeof(NetGen.ModelAttribute).Assembly,
            System.Reflection.Assembly.Load("NetGen.Runtime"),
        }.Distinct().Select(a => MetadataReference.CreateFromFile(a.Location)))
        .ToImmutableArray();

    /// <summary>Nullable enabled and every warning an error, as the brief demands of generated code.</summary>
    public static readonly CSharpCompilationOptions StrictOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            // Version-unification notes between reference packs are about the test set-up, not the code.
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "NetGenTestAssembly",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Model{i}.cs")),
            References,
            StrictOptions);

    public static GeneratorDriver CreateDriver(bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            new[] { new NetGenGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources));

    /// <summary>Runs the generator over a compilation built elsewhere, e.g. one that reuses bound references.</summary>
    public static GeneratorRun Run(CSharpCompilation compilation, bool trackSteps = true)
    {
        var driver = CreateDriver(trackSteps).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, output, generatorDiagnostics);
    }
}

/// <summary>
/// The result of one generator run: the updated compilation and everything NetGen reported, the generator's
/// own diagnostics and those of <see cref="NetGen.Generator.Analyzer.NetGenAnalyzer"/>, run over the output as a build runs it.
/// </summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    private ImmutableArray<Diagnostic>? _analyzerDiagnostics;

    /// <summary>Every NG diagnostic: the generator's (NG0099 only) and the analyzer's.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => DriverDiagnostics.AddRange(AnalyzerDiagnostics);

    /// <summary>The analyzer over the output, as a build runs it: it answers from the parses the generator made.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics => _analyzerDiagnostics ??= Analyze();

    private ImmutableArray<Diagnostic> Analyze()
    {
        var diagnostics = Output
            .WithAnalyzers(ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new NetGen.Generator.Analyzer.NetGenAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (ColdAnalysis.Everywhere && ColdAnalysis.Differences(Output, diagnostics) is { Count: > 0 } differences)
        {
            throw new InvalidOperationException("The analyzer reported differently from the generator's parses than on its own:\n" + string.Join("\n", differences));
        }

        return diagnostics;
    }

    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public IReadOnlyList<(string HintName, string Text)> GeneratedSources =>
        Result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).ToList();

    /// <summary>The file generated for a model, named by its metadata name plus ".g.cs" (the hint adds a hash of the name).</summary>
    public string Generated(string hintName) =>
        GeneratedSources.FirstOrDefault(s => s.HintName == hintName || s.HintName == NetGen.Generator.Parsing.HintNames.For(hintName.Substring(0, hintName.Length - ".g.cs".Length))).Text
        ?? throw new InvalidOperationException($"No generated file '{hintName}'; got: {string.Join(", ", GeneratedSources.Select(s => s.HintName))}");

    /// <summary>Errors and warnings of the final compilation, generated code included.</summary>
    public ImmutableArray<Diagnostic> CompilationErrors =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    public IEnumerable<Diagnostic> AllDiagnostics => GeneratorDiagnostics.Concat(Output.GetDiagnostics());
}
