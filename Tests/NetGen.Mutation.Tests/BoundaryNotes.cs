using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace NetGen.Mutation;

/// <summary>One model the analyzer's NG0110 lists as checked only up to NetGen's boundary, with NG0110's note for it.</summary>
public sealed record BoundaryModel(string Model, string Note);

/// <summary>
/// Reads the analyzer's one NG0110 warning of a build, "NetGen checks shapes only up to its boundary in 2
/// model(s): TinyUNet (hand-written forward), WrapperNet (residual: ScaledResidual without [Contract]); see
/// docs/boundary.md", into the models it names. That warning is what a user sees, so the harness classifies
/// by it rather than by analysing the models a second way.
/// </summary>
public static partial class BoundaryNotes
{
    public const string Id = "NG0110";

    public static IReadOnlyList<BoundaryModel> Read(IEnumerable<Diagnostic> diagnostics)
    {
        var warning = diagnostics.Where(d => d.Id == Id).ToList();
        if (warning.Count == 0)
        {
            return [];
        }

        var message = warning.Single().GetMessage(CultureInfo.InvariantCulture);
        var count = int.Parse(CountPattern().Match(message).Groups[1].Value, CultureInfo.InvariantCulture);
        var models = ModelPattern().Matches(message).Select(m => new BoundaryModel(m.Groups[1].Value, m.Groups[2].Value)).ToList();
        // Past the first eight, NG0110 names the models without their notes: "… and 3 more: A, B, C; see …".
        var rest = RestPattern().Match(message);
        if (rest.Success)
        {
            models.AddRange(rest.Groups[1].Value.Split(", ").Select(name => new BoundaryModel(name, "named only")));
        }

        if (models.Count != count)
        {
            // A message the harness cannot read would lose models: fail loudly instead.
            throw new InvalidOperationException($"NG0110 names {models.Count} of its {count} models, so the boundary cannot be read from it: {message}");
        }

        return models;
    }

    [GeneratedRegex(@" and \d+ more: ([A-Za-z0-9_, ]+); see ")]
    private static partial Regex RestPattern();

    [GeneratedRegex(@"in (\d+) model\(s\): ")]
    private static partial Regex CountPattern();

    // A model name and its note, up to the ")" that ends the note: before the next ", Name (", " and N more" or "; see".
    [GeneratedRegex(@"(?:model\(s\): |, )([A-Za-z_][A-Za-z0-9_]*) \((.*?)\)(?=, [A-Za-z_][A-Za-z0-9_]* \(| and \d+ more|; see )")]
    private static partial Regex ModelPattern();
}
