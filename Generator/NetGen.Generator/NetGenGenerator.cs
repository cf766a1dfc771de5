using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Analysis;
using NetGen.Generator.Descriptors;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emitting;
using NetGen.Generator.Model;

namespace NetGen.Generator;

/// <summary>
/// The pipeline: find <c>[Model]</c> classes and parse each into an equatable <see cref="ModelSpec"/>, or keep
/// the last compilation's parse while nothing it reads has changed (<see cref="ModelFinder"/>); read the models
/// referenced assemblies describe; give each model the models it uses (and nothing else, so an edit elsewhere
/// leaves it cached); analyse and emit one file per model, or a stub that compiles when the declaration has errors.
/// Diagnostics are <see cref="NetGenAnalyzer"/>'s job, so they honour .editorconfig, #pragma and [SuppressMessage]
/// like any analyzer's.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetGenGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .CreateSyntaxProvider(
                predicate: static (node, _) => ModelFinder.MayBeModel(node),
                transform: static (ctx, ct) => ModelFinder.Find(ctx, ct))
            .WithTrackingName(TrackingNames.Parse)
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.ParsedModels);

        var referenced = context.CompilationProvider
            .Select(static (compilation, ct) => ReferencedModels.Read(compilation, ct))
            .WithTrackingName(TrackingNames.ReferencedModels);

        var index = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .Collect()
            .Combine(referenced)
            .Select(static (pair, _) => new ModelIndex(pair.Left.ToEquatableArray(), pair.Right))
            .WithTrackingName(TrackingNames.Index);

        // Re-run for every model when any model changes, but cheaply: the result is the model and the models
        // it uses, so the analysis and emission below stay cached for every model whose inputs are unchanged.
        var inputs = parsed
            .Combine(index)
            .Select(static (pair, _) => new AnalysisInput(pair.Left, pair.Left.Model is { } model ? pair.Right.CatalogFor(model) : null))
            .WithTrackingName(TrackingNames.AnalysisInputs);

        var sources = inputs
            .Select(static (input, ct) => Sources.GetOrAdd(input, i => Generate(i, ct)))
            .WithTrackingName(TrackingNames.GeneratedSources);

        context.RegisterSourceOutput(sources, static (spc, source) =>
        {
            if (source.Failure is { } failure)
            {
                spc.ReportDiagnostic(failure.ToDiagnostic());
            }

            if (source.Text is not null)
            {
                spc.AddSource(source.HintName, source.Text);
            }
        });
    }

    /// <summary>
    /// Generated files kept by their inputs, which alone decide them: a command-line build makes a new driver, which has
    /// no cache of its own, so a model unchanged since the last build is emitted from here.
    /// </summary>
    private static readonly RecentResults<AnalysisInput, GeneratedSource> Sources = new(capacity: 1024);

    /// <summary>Raised with the hint name of each file actually generated, so that tests can see which a build wrote again.</summary>
    internal static event Action<string>? Generating;

    /// <summary>The real partial, or a stub when the declaration has errors; an exception in NetGen's own code becomes NG0099, never CS8785.</summary>
    private static GeneratedSource Generate(AnalysisInput input, CancellationToken cancellationToken)
    {
        var shell = input.Parsed.Shell;
        Generating?.Invoke(shell?.HintName ?? "");
        if (shell is null)
        {
            return new GeneratedSource("", null, null);
        }

        try
        {
            var catalog = input.Catalog;
            var analyzed = input.Parsed.Model is { } model && catalog is not null ? ModelAnalysis.Run(model, catalog) : null;
            cancellationToken.ThrowIfCancellationRequested();
            // Only the generator writes summaries, so the factories' walks are made here, not in the shared analysis.
            var text = analyzed is { BlocksGeneration: false } && catalog is not null
                ? ModelEmitter.Emit(VariantSummaries.Attach(analyzed, catalog))
                : StubEmitter.Emit(shell, analyzed);
            return new GeneratedSource(shell.HintName, text, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, input.Parsed.Model?.Location, shell.Name, exception.GetType().Name + ": " + exception.Message);
            return new GeneratedSource(shell.HintName, StubEmitter.Emit(shell), diagnostic);
        }
    }
}

/// <summary>What one model's generation needs: its parse result and the catalog of models it uses.</summary>
internal sealed record AnalysisInput(ModelParseResult Parsed, ModelCatalog? Catalog);

/// <summary>One generated file, or none (<see cref="Text"/> null); <see cref="Failure"/> when NetGen's own code failed.</summary>
internal sealed record GeneratedSource(string HintName, string? Text, DiagnosticInfo? Failure);
