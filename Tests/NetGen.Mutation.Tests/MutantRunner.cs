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

/// <summary>
/// Compiles the source set with the NetGen generator in a real Roslyn compilation (the .NET 10 reference
/// pack plus TorchSharp and the NetGen assemblies), records the NG errors and the NG0110 boundary list of
/// NetGen's analyzer, then emits the compilation (generated code included), loads it into a collectible
/// context, runs every affected root model forward on its input in eval mode under no_grad, and checks
/// its contracted members.
/// </summary>
public sealed class MutantRunner
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>What a mutant compiles against; the mutator's semantic models use it too.</summary>
    internal static readonly ImmutableArray<MetadataReference> References = Net100.References.All.Cast<MetadataReference>()
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
    private readonly Dictionary<RootModel, RootInput> _inputs;
    private readonly CSharpCompilation _baseCompilation;
    private readonly GeneratorDriver _baseDriver;
    private readonly SourceGraph _graph;
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
        _graph = SourceGraph.Of(_baseCompilation);
        _inputs = SampleSet.Roots.ToDictionary(r => r, r => SampleSet.InputOf(_files, r));
        torch.set_num_threads(Math.Max(1, Environment.ProcessorCount));
    }

    /// <summary>The unmutated set: every root is run; its boundary lists every model NG0110 names.</summary>
    public MutantResult RunOriginal() => Run(null, _baseCompilation, SampleSet.Roots, affected: null);

    /// <summary>
    /// Compiles the mutant with the files it can affect and those they need (<see cref="SourceGraph"/>), not the whole set,
    /// and runs the roots that use its file.
    /// </summary>
    public MutantResult Run(Mutant mutant) => Run(mutant, wholeSet: false);

    /// <summary>The mutant compiled with every sample file, as the harness did before <see cref="SourceGraph"/>: what <see cref="Run(Mutant)"/> must agree with.</summary>
    public MutantResult RunInWholeSet(Mutant mutant) => Run(mutant, wholeSet: true);

    private MutantResult Run(Mutant mutant, bool wholeSet)
    {
        var old = _baseCompilation.SyntaxTrees.Single(t => t.FilePath == mutant.File);
        var mutated = CSharpSyntaxTree.ParseText(mutant.MutatedText, ParseOptions, path: mutant.File);
        var whole = _baseCompilation.ReplaceSyntaxTree(old, mutated);
        var roots = SampleSet.RootsUsing(mutant.File).ToList();
        var needed = wholeSet ? null : _graph.NeededFor(mutant.File, SourceGraph.FilesUsedBy(whole, mutated), roots.SelectMany(r => r.Files));
        var compilation = needed is null ? whole : whole.RemoveSyntaxTrees(whole.SyntaxTrees.Where(t => !needed.Contains(t.FilePath)));
        var affected = SampleSet.ModelsIn(mutant.MutatedText).Concat(roots.Select(r => r.ShortName)).ToHashSet(StringComparer.Ordinal);
        return Run(mutant, compilation, roots, affected);
    }

    /// <summary>
    /// The one NG warning that reports a shape failure: the forward fails at most batch sizes. It counts as a finding
    /// like an error: caught where the oracle (batches 1, 2 and 3) fails, a false positive where it passes.
    /// </summary>
    private const string FitsOneBatchSize = "NG0113";

    private MutantResult Run(Mutant? mutant, CSharpCompilation compilation, IReadOnlyList<RootModel> roots, IReadOnlySet<string>? affected)
    {
        _baseDriver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        // NG diagnostics come from NetGen's analyzer, run over the generated output as a build runs it.
        var analyzerDiagnostics = output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NetGen.Generator.Analyzer.NetGenAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var errors = generatorDiagnostics.Concat(analyzerDiagnostics).Concat(output.GetDiagnostics())
            .Where(d => d.Id.StartsWith("NG", StringComparison.Ordinal) && (d.Severity == DiagnosticSeverity.Error || d.Id == FitsOneBatchSize))
            .Distinct()
            .ToList();
        var errorIds = errors.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        var messages = errors.Select(d => $"{d.Id}: {d.GetMessage()}").Distinct().ToList();
        var boundary = BoundaryNotes.Read(analyzerDiagnostics)
            .Where(b => affected is null || affected.Contains(b.Model))
            .Select(b => $"{b.Model} ({b.Note})")
            .ToList();
        var contracts = ContractOracle.Read(compilation.SyntaxTrees);

        using var stream = new MemoryStream();
        var emitted = output.WithAssemblyName($"NetGenMutant{++_counter}").Emit(stream);
        var compileErrors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id}: {d.GetMessage()}").Distinct().ToList();
        if (!emitted.Success)
        {
            return new MutantResult(mutant, errorIds, messages, compileErrors.Count > 0 ? compileErrors : ["emit failed"], [], boundary);
        }

        var context = new AssemblyLoadContext($"mutant-{_counter}", isCollectible: true);
        try
        {
            stream.Position = 0;
            var assembly = context.LoadFromStream(stream);
            var runs = roots.Select(root => RunRoot(assembly, root, contracts, InputOf(root, mutant))).ToList();
            return new MutantResult(mutant, errorIds, messages, [], runs, boundary);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// A root's declared input, as the mutant declares it where the mutant edits the root's own file (a changed default
    /// may change the input's size); otherwise the original set's, read once.
    /// </summary>
    private RootInput InputOf(RootModel root, Mutant? mutant) =>
        mutant is not null && root.Files.Contains(mutant.File)
            ? SampleSet.InputOf(_files.Select(f => f.Name == mutant.File ? f with { Text = mutant.MutatedText } : f).ToList(), root)
            : _inputs[root];

    private RootRun RunRoot(Assembly assembly, RootModel root, IReadOnlyList<DeclaredContract> contracts, RootInput declared)
    {
        var watch = Stopwatch.StartNew();
        using var scope = torch.NewDisposeScope();
        nn.Module<Tensor, Tensor>? model = null;
        string? error = null;
        string? outputShape = null;
        IReadOnlyList<string> violations = [];
        try
        {
            var type = assembly.GetType(root.TypeName, throwOnError: true)!;
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var arguments = constructor.GetParameters()
                .Select(p => root.Arguments.Any(a => a.Name == p.Name) ? Argument(p, root.Arguments.First(a => a.Name == p.Name).Value)
                    : p.HasDefaultValue ? p.DefaultValue : throw new InvalidOperationException($"{root.TypeName}({p.Name}) has no default"))
                .ToArray();
            model = (nn.Module<Tensor, Tensor>)constructor.Invoke(arguments);
            model.eval();
            using var noGrad = torch.no_grad();
            try
            {
                using var input = declared.Create();
                using var result = model.call(input);
                outputShape = "[" + string.Join(", ", result.shape) + "]";

                // [Model] leaves the batch free, so a forward must run at more than one batch size: batch 1 alone hides
                // a forward that folds the batch into the features (flatten(0)), or fits one batch size only.
                if (declared.Shape.Length > 0 && declared.Shape[0] == 1)
                {
                    error = OtherBatches.Select(b => RunAtBatch(model, declared, b)).FirstOrDefault(e => e is not null);
                }
            }
            catch (Exception e)
            {
                error = Describe(e);
            }

            violations = ContractOracle.Violations(model, contracts);
        }
        catch (Exception e)
        {
            error = Describe(e);
        }
        finally
        {
            model?.Dispose();
        }

        return new RootRun(root.Label, outputShape, error, violations, watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The batch sizes the oracle runs after 1. Not 2 alone: sizes of 2 are common in models (two heads, two class
    /// tokens, a chunk in two), and a forward that fits particular batch sizes may fit 2 by chance (TinyViT-090, a
    /// position embedding of [2, tokens, dim], broadcasts with a batch of 1 or 2 and fails from 3 on).
    /// </summary>
    public static readonly long[] OtherBatches = { 2, 3 };

    /// <summary>A root's own argument for <paramref name="parameter"/>: an enum member by its name, anything else as it is.</summary>
    private static object? Argument(ParameterInfo parameter, object value) =>
        parameter.ParameterType.IsEnum && value is string member ? Enum.Parse(parameter.ParameterType, member) : value;

    private static string? RunAtBatch(nn.Module<Tensor, Tensor> model, RootInput declared, long batch)
    {
        try
        {
            using var input = WithBatch(declared, batch).Create();
            using var output = model.call(input);
            return null;
        }
        catch (Exception e)
        {
            return $"at batch {batch}: {Describe(e)}";
        }
    }

    private static RootInput WithBatch(RootInput declared, long batch) =>
        declared with { Shape = new[] { batch }.Concat(declared.Shape.Skip(1)).ToArray() };

    private static string Describe(Exception e)
    {
        var inner = e is TargetInvocationException { InnerException: { } ie } ? ie : e;
        return $"{inner.GetType().Name}: {inner.Message.Split('\n')[0]}";
    }
}
