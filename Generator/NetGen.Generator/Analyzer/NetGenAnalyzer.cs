using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Analysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Analyzer;

/// <summary>
/// Reports every NG diagnostic. It parses and analyses each model as the generator does (the same code), and takes
/// the generator's parse of a model where that read declarations alone (<see cref="ModelResolver"/>); as an analyzer
/// its diagnostics honour .editorconfig severities, <c>#pragma warning disable</c> and <c>[SuppressMessage]</c>, and
/// run off the IDE's typing path. At the end of a build it names, in one
/// warning, the models whose shapes are checked only up to NetGen's boundary.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetGenAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.ModelAttribute) is null)
            {
                return;
            }

            var resolver = new ModelResolver(start.Compilation);
            var boundaries = new ConcurrentBag<(string Model, string Notes, Location Location)>();
            start.RegisterSymbolAction(symbol => AnalyzeModel(symbol, resolver, boundaries), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => ReportBoundaries(end, boundaries));
        });
    }

    private static void AnalyzeModel(SymbolAnalysisContext context, ModelResolver resolver, ConcurrentBag<(string, string, Location)> boundaries)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!type.GetAttributes().Any(a => AttributeKinds.IsModelAttribute(a.AttributeClass)))
        {
            return;
        }

        ModelParseResult? parsed;
        try
        {
            parsed = resolver.Parse(type, context.CancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var location = ModelDeclarations.Primary(type)?.Identifier.GetLocation() ?? type.Locations.FirstOrDefault();
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, location, type.Name, exception.GetType().Name + ": " + exception.Message));
            return;
        }

        if (parsed is null)
        {
            return;
        }

        foreach (var diagnostic in parsed.Diagnostics)
        {
            Report(context, diagnostic);
        }

        if (parsed.Model is not { } model)
        {
            return;
        }

        var analyzed = ModelAnalysis.Run(model, resolver.CatalogFor(type, model, context.CancellationToken));
        foreach (var diagnostic in analyzed.Diagnostics)
        {
            Report(context, diagnostic);
        }

        // Located in the model's own tree, so #pragma and [SuppressMessage] around the model apply to it.
        if (!analyzed.Boundary.IsEmpty && model.Location is { } modelSpan)
        {
            var modelLocation = DiagnosticInfo.Create(DiagnosticDescriptors.UncheckedBoundary, modelSpan).ToDiagnostic(context.Compilation).Location;
            boundaries.Add((model.Name, BoundaryNote.Describe(analyzed.Boundary), modelLocation));
        }
    }

    private static void Report(SymbolAnalysisContext context, DiagnosticInfo diagnostic) =>
        context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));

    /// <summary>How many models NG0110 lists with their notes; the rest are named only (their NG0100 has the notes).</summary>
    private const int NotedModels = 8;

    /// <summary>One line for the build: which models are checked only up to an opaque member or a hand-written forward.</summary>
    private static void ReportBoundaries(CompilationAnalysisContext context, ConcurrentBag<(string Model, string Notes, Location Location)> boundaries)
    {
        var models = boundaries.OrderBy(b => b.Model, StringComparer.Ordinal).ToList();
        if (models.Count == 0)
        {
            return;
        }

        // Notes for the first few keep the line readable; every model is still named, so none is lost from the build's view.
        var listed = string.Join(", ", models.Take(NotedModels).Select(m => $"{m.Model} ({m.Notes})"));
        if (models.Count > NotedModels)
        {
            listed += $" and {models.Count - NotedModels} more: {string.Join(", ", models.Skip(NotedModels).Select(m => m.Model))}";
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UncheckedBoundary, models[0].Location, models.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), listed));
    }
}
