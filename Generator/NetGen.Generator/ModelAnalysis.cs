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

    public static AnalyzedModel Run(ModelSpec model, ModelCatalog catalog)
    {
        try
        {
            return ModelAnalyzer.Analyze(model, catalog);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, model.Location, model.Name, exception.GetType().Name + ": " + exception.Message);
            return new AnalyzedModel(model, null, EquatableArray.Create(diagnostic), EquatableArray<StateEntrySpec>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);
        }
    }
}
