using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Analysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator;

/// <summary>
/// Parsing and analysis as the generator and the analyzer both run them, so that both see the same model.
/// NetGen's own failure becomes NG0099 on the model, never an exception out of the compiler.
/// </summary>
internal static class ModelAnalysis
{
    public static ModelParseResult Parse(INamedTypeSymbol type, ClassDeclarationSyntax declaration, Compilation compilation, CancellationToken cancellationToken, System.Collections.Generic.ICollection<INamedTypeSymbol>? dependencies = null)
    {
        if (type.Name == FaultInjection.ModelName)
        {
            throw new InvalidOperationException("fault injected by a test");
        }

        return ModelParser.Parse(type, declaration, compilation, cancellationToken, dependencies);
    }

    /// <summary>
    /// Analyses are kept by their inputs (<see cref="RecentResults{TKey, TValue}"/>): the analysis is a function of the model and
    /// its catalog alone, so the analyzer takes the generator's where both read the model alike, and a build whose
    /// models did not change takes the last build's.
    /// </summary>
    private static readonly RecentResults<(ModelSpec Model, ModelCatalog Catalog), AnalyzedModel> Analyses = new(capacity: 1024);

    public static AnalyzedModel Run(ModelSpec model, ModelCatalog catalog) =>
        Analyses.GetOrAdd((model, catalog), static input => Analyze(input.Model, input.Catalog));

    /// <summary>Raised for each model actually analysed, so that tests can see which analyses a build made again.</summary>
    internal static event Action<ModelSpec>? Analysed;

    private static AnalyzedModel Analyze(ModelSpec model, ModelCatalog catalog)
    {
        Analysed?.Invoke(model);
        try
        {
            return ModelAnalyzer.Analyze(model, catalog);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, model.Location, model.Name, exception.GetType().Name + ": " + exception.Message);
            return new AnalyzedModel(model, null, EquatableArray.Create(diagnostic), EquatableArray<StateEntrySpec>.Empty, EquatableArray<string>.Empty, EquatableArray<BoundaryNote>.Empty);
        }
    }
}
