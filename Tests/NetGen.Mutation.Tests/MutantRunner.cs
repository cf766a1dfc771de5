using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Mutation;

/// <summary>What one mutant (or the original set) did at compile time and at run time.</summary>
public sealed record MutantResult(
    Mutant? Mutant,
    IReadOnlyList<string> ErrorIds,
    IReadOnlyList<string> ErrorMessages,
    IReadOnlyList<string> CompileErrors,
    IReadOnlyList<RootRun> Runs)
{
    /// <summary>The generator reported at least one NG error (an NG0100 "unchecked" note is not one).</summary>
    public bool Flagged => ErrorIds.Count > 0;

    /// <summary>The C# compilation (generated code included) emitted, so the oracle could run.</summary>
    public bool Runnable => CompileErrors.Count == 0;

    /// <summary>The oracle: constructing a root, or its forward, threw.</summary>
    public bool Crashed => Runs.Any(r => r.Error is not null);

    public string Label => Mutant?.Id ?? "original";
}

/// <summary>One root built and run forward: the output shape, or what it threw.</summary>
public sealed record RootRun(string Root, string? OutputShape, string? Error, double Seconds);

/// <summary>
/// Compiles the sample set with the NetGen generator in a real Roslyn compilation (the .NET 10
/// reference pack plus TorchSharp and the NetGen assemblies), records its NG errors, then emits the
/// compilation (generated code included), loads it into a collectible context, and runs every affected
/// root model forward on a dummy input in eval mode under no_grad.
/// </summary>
public sealed class MutantRunner
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly ImmutableArray<MetadataReference> References = Net100.References.All.Cast<MetadataReference>()
        .Concat(new[]
        {
            typeof(torch).Assembly,
            typeof(ModelAttribute).Assembly,
            Assembly.Load("NetGen.Runtime"),
        }.Distinct().Select(a => MetadataReference.CreateFromFile(a.Location)))
        .ToImmutableArray();

    private static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    private readonly IReadOnlyList<SampleFile> _files;
    private readonly CSharpCompilation _baseCompilation;
    private readonly GeneratorDriver _baseDriver;
    private readonly Dictionary<string, long[]> _inputs;
    private int _counter;

    public MutantRunner(IReadOnlyList<SampleFile> mutableFiles)
    {
        _files = SampleSet.WithHarness(mutableFiles);
        _baseCompilation = CSharpCompilation.Create(
            "NetGenMutants",
            _files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Name)),
            References,
            Options);
        var driver = CSharpGeneratorDriver.Create(
            new[] { new NetGenGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions);
        _baseDriver = driver.RunGenerators(_baseCompilation);
        _inputs = SampleSet.Roots.ToDictionary(r => r.TypeName, r => SampleSet.InputShape(_files, r));
        torch.set_num_threads(Math.Max(1, Environment.ProcessorCount));
    }

    /// <summary>The unmutated set: every root is run.</summary>
    public MutantResult RunOriginal() => Run(null, _baseCompilation, SampleSet.Roots);

    public MutantResult Run(Mutant mutant)
    {
        var old = _baseCompilation.SyntaxTrees.Single(t => t.FilePath == mutant.File);
        var compilation = _baseCompilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(mutant.MutatedText, ParseOptions, path: mutant.File));
        return Run(mutant, compilation, SampleSet.RootsUsing(mutant.File).ToList());
    }

    private MutantResult Run(Mutant? mutant, CSharpCompilation compilation, IReadOnlyList<RootModel> roots)
    {
        _baseDriver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        // NG diagnostics come from NetGen's analyzer, run over the generated output as a build runs it.
        var analyzerDiagnostics = output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NetGen.Generator.Analyzer.NetGenAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var errors = generatorDiagnostics.Concat(analyzerDiagnostics).Concat(output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("NG", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        var errorIds = errors.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        var messages = errors.Select(d => $"{d.Id}: {d.GetMessage()}").Distinct().ToList();

        using var stream = new MemoryStream();
        var emitted = output.WithAssemblyName($"NetGenMutant{++_counter}").Emit(stream);
        var compileErrors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id}: {d.GetMessage()}").Distinct().ToList();
        if (!emitted.Success)
        {
            return new MutantResult(mutant, errorIds, messages, compileErrors.Count > 0 ? compileErrors : ["emit failed"], []);
        }

        var context = new AssemblyLoadContext($"mutant-{_counter}", isCollectible: true);
        try
        {
            stream.Position = 0;
            var assembly = context.LoadFromStream(stream);
            var runs = roots.Select(root => RunRoot(assembly, root)).ToList();
            return new MutantResult(mutant, errorIds, messages, [], runs);
        }
        finally
        {
            context.Unload();
        }
    }

    private RootRun RunRoot(Assembly assembly, RootModel root)
    {
        var watch = Stopwatch.StartNew();
        using var scope = torch.NewDisposeScope();
        nn.Module<Tensor, Tensor>? model = null;
        try
        {
            var type = assembly.GetType(root.TypeName, throwOnError: true)!;
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var arguments = constructor.GetParameters()
                .Select(p => p.HasDefaultValue ? p.DefaultValue : throw new InvalidOperationException($"{root.TypeName}({p.Name}) has no default"))
                .ToArray();
            model = (nn.Module<Tensor, Tensor>)constructor.Invoke(arguments);
            model.eval();
            using var noGrad = torch.no_grad();
            var shape = new long[] { 1 }.Concat(_inputs[root.TypeName]).ToArray();
            using var input = torch.zeros(shape);
            using var result = model.call(input);
            return new RootRun(root.ShortName, "[" + string.Join(", ", result.shape) + "]", null, watch.Elapsed.TotalSeconds);
        }
        catch (Exception e)
        {
            var inner = e is TargetInvocationException { InnerException: { } ie } ? ie : e;
            var message = inner.Message.Split('\n')[0];
            return new RootRun(root.ShortName, null, $"{inner.GetType().Name}: {message}", watch.Elapsed.TotalSeconds);
        }
        finally
        {
            model?.Dispose();
        }
    }
}
