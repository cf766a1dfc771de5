using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Analysis;

/// <summary>
/// Summaries of a model at each of its factories' hyperparameters (<c>ResNet.ResNet50()</c>), computed by the same walk
/// as the defaults' summary: the factory's arguments simply take the place of the defaults. Only the generator writes
/// summaries, so only it runs these walks; the analyzer's diagnostics do not depend on them.
/// </summary>
internal static class VariantSummaries
{
    /// <summary>The analysed model whose summary holds one summary per readable factory, and a note for each factory NetGen could not read.</summary>
    public static AnalyzedModel Attach(AnalyzedModel analyzed, ModelCatalog catalog) =>
        analyzed.Summary is { } defaults && !analyzed.Model.Variants.IsEmpty
            ? analyzed with { Summary = WithVariants(defaults, analyzed.Model, catalog) }
            : analyzed;

    private static SummarySpec WithVariants(SummarySpec defaults, ModelSpec model, ModelCatalog catalog)
    {
        var variants = new List<SummarySpec>();
        var notes = defaults.Notes.ToList();
        foreach (var variant in model.Variants)
        {
            if (variant.Unreadable is { } why)
            {
                notes.Add($"{model.Name}.{variant.Name}() has no summary in Summary.Variants: {why}.");
                continue;
            }

            var built = AtArguments(model, variant);
            var walk = ModelAnalyzer.DefaultsWalk(built, catalog);
            if (walk is { } walked && ModelAnalyzer.Summarize(built, walk) is { } summary)
            {
                variants.Add(summary with
                {
                    Variant = variant.Name,
                    Arguments = string.Join(", ", built.Parameters.Where(p => variant.Arguments.Any(a => a.Parameter == p.Name)).Select(p => $"{p.Name} = {ModelAnalyzer.Shown(p)}")),
                    Notes = summary.Notes.Concat(Failures(built, walked.Walker)).ToEquatableArray(),
                });
            }
        }

        return defaults with { Variants = variants.ToEquatableArray(), Notes = notes.ToEquatableArray() };
    }

    /// <summary>The model as the factory builds it: each argument the factory passes becomes the parameter's default.</summary>
    private static ModelSpec AtArguments(ModelSpec model, VariantSpec variant)
    {
        var parameters = model.Parameters
            .Select(p => variant.Arguments.FirstOrDefault(a => a.Parameter == p.Name) is { } argument ? p with { DefaultValue = argument.Value } : p)
            .ToEquatableArray();
        return model with { Shell = model.Shell with { Parameters = parameters } };
    }

    /// <summary>What fails at the factory's hyperparameters, as notes: a summary reports, the model's own diagnostics check.</summary>
    private static IEnumerable<string> Failures(ModelSpec built, ShapeWalker walker) =>
        walker.Failures
            .SelectMany(f => FailureDiagnostics.For(built, f, ""))
            .Select(d => "At these hyperparameters NetGen finds " + d.Descriptor.Id + ": " + d.ToDiagnostic().GetMessage(CultureInfo.InvariantCulture));
}
