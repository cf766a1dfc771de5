using System;
using System.Linq;
using NetGen.Generator.Analysis;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emitting;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator;

/// <summary>
/// The pipeline: find <c>[Model]</c> classes syntactically, parse each into an equatable
/// <see cref="ModelSpec"/>, report the parse diagnostics, and emit one file per model.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetGenGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ModelAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                transform: static (ctx, ct) => SafeParse(ctx, ct))
            .WithTrackingName(TrackingNames.ParsedModels);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var diagnostic in items)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Models);

        // Shape analysis needs the blocks a model uses, so it sees every model; each analysis is still
        // its own value, so an edit to one model re-emits only the models whose analysis changed.
        var catalog = models
            .Collect()
            .Select(static (all, _) => new ModelCatalog(all.ToEquatableArray()))
            .WithTrackingName(TrackingNames.Catalog);
        var analyzed = catalog
            .SelectMany(static (all, _) => all.Models.Select(model => SafeAnalyze(model, all)))
            .WithTrackingName(TrackingNames.AnalyzedModels);
        context.RegisterSourceOutput(analyzed, static (spc, result) => Emit(spc, result));
    }

    private static void Emit(SourceProductionContext context, AnalyzedModel result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        // A size that could not be inferred leaves nothing sensible to write; shape mismatches do not
        // block generation, so the user sees the NG error and not a cascade of missing members.
        if (!result.Diagnostics.Any(d => d.Descriptor.Id == DiagnosticIds.CannotInfer || d.Descriptor.Id == DiagnosticIds.GeneratorFailure))
        {
            context.AddSource(result.Model.HintName, ModelEmitter.Emit(result.Model, result.Summary, result.State));
        }
    }

    private static AnalyzedModel SafeAnalyze(ModelSpec model, ModelCatalog catalog)
    {
        try
        {
            return ModelAnalyzer.Analyze(model, catalog);
        }
        catch (Exception exception)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, model.Location, model.Name, exception.GetType().Name + ": " + exception.Message);
            return new AnalyzedModel(model, null, EquatableArray.Create(diagnostic));
        }
    }

    /// <summary>An exception here would surface as CS8785 and silently drop the user's code; report it instead.</summary>
    private static ModelParseResult SafeParse(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            if (context.TargetSymbol.Name == FaultInjection.ModelName)
            {
                throw new InvalidOperationException("fault injected by a test");
            }

            return ModelParser.Parse(context, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var node = context.TargetNode as Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax;
            var location = LocationInfo.From(node?.Identifier.GetLocation() ?? context.TargetNode.GetLocation());
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, location, context.TargetSymbol.Name, exception.GetType().Name + ": " + exception.Message);
            return new ModelParseResult(null, EquatableArray.Create(diagnostic));
        }
    }
}
