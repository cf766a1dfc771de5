using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;

namespace NetGen.Generator.Analysis;

/// <summary>
/// A member with alternative <c>[Repeat&lt;T&gt;(When = …)]</c> stages builds one of them at the defaults; the summary and
/// the default walk check that one. Each other alternative is checked in the model that builds it: the bool and enum
/// parameters its condition reads take values that choose it, every other parameter keeps its default. That model is
/// one a user can construct (<c>new ResNet(ResNetBlock.Bottleneck)</c>), so what fails there fails at run time.
/// </summary>
internal static class AlternativeChoices
{
    /// <summary>At most this many extra walks per model, however many alternatives it declares.</summary>
    public const int MaxWalks = 8;

    /// <summary>The models that build the alternatives the defaults do not, and how each differs from the defaults.</summary>
    public static IEnumerable<(ModelSpec Model, string Where)> Models(ModelSpec model)
    {
        var defaults = ShapeEnvironment.Defaults(model);
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var choice in model.Members.SelectMany(m => m.Choices))
        {
            if (seen.Count >= MaxWalks)
            {
                yield break;
            }

            if (defaults.Flag(choice.When!) == true || ExpressionText.Parse(choice.When!) is not { } condition)
            {
                continue;
            }

            var assignments = FiniteAssignments.All(FiniteAssignments.NamesRead(condition), model.Parameters);
            var chosen = assignments?.FirstOrDefault(a => ExprEvaluator.Evaluate(condition, FiniteAssignments.ValueOf(a, model.Parameters)).AsBool == true);
            if (chosen is null || chosen.Count == 0 || !seen.Add(FiniteAssignments.Describe(chosen)))
            {
                continue;
            }

            var parameters = model.Parameters.Select(p => chosen.FirstOrDefault(v => v.Parameter.Name == p.Name) is { } value ? p with { DefaultValue = value.Text } : p);
            yield return (model with { Shell = model.Shell with { Parameters = parameters.ToEquatableArray() } },
                $" with {FiniteAssignments.Describe(chosen)} (the alternative When = \"{choice.When}\"; the other hyperparameters at their defaults)");
        }
    }
}
