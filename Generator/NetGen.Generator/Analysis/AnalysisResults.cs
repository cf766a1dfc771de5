using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Analysis;

/// <summary>A size the user omitted and shape inference supplied: a constant or a parameter of the model.</summary>
internal sealed record InferredArgument(string Member, int LayerIndex, string Argument, ArgValue Value);

/// <summary>One row of the compile-time summary. Unknown sizes and counts are -1; an unknown rank is <see cref="OutputShape"/> null.</summary>
internal sealed record SummaryRow(string Path, string Type, int Depth, EquatableArray<long>? OutputShape, long Parameters, long MultAdds);

/// <summary>
/// The torchinfo-style summary of a model at its declared input and default hyperparameters, or at those of one of
/// its factories. <see cref="Notes"/> say where the numbers are not the whole truth (a hand-written forward, an opaque module).
/// </summary>
internal sealed record SummarySpec(EquatableArray<long> Input, EquatableArray<SummaryRow> Rows, long TotalParameters, long TotalMultAdds, EquatableArray<string> Notes)
{
    /// <summary>The factory this summary is for, or null for the defaults.</summary>
    public string? Variant { get; init; }

    /// <summary>The hyperparameters the factory sets, as the user reads them: <c>block = ResNetBlock.Bottleneck, layers3 = 6</c>.</summary>
    public string Arguments { get; init; } = "";

    /// <summary>The defaults' summary holds one summary per factory NetGen could read.</summary>
    public EquatableArray<SummarySpec> Variants { get; init; } = EquatableArray<SummarySpec>.Empty;
}

/// <summary>A model after shape analysis: sizes inferred, summary computed, shape diagnostics found.</summary>
/// <param name="State">The state entries known at compile time, in PyTorch's order, with shapes in terms of the model's parameters.</param>
/// <param name="OpaquePrefixes">Members whose entries are known only at run time: their keys get a prefix and no constants.</param>
/// <param name="Boundary">Where checking stopped at NetGen's boundary (an opaque member, a hand-written forward), for the build's NG0110 line.</param>
internal sealed record AnalyzedModel(
    ModelSpec Model,
    SummarySpec? Summary,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<StateEntrySpec> State,
    EquatableArray<string> OpaquePrefixes,
    EquatableArray<BoundaryNote> Boundary)
{
    /// <summary>
    /// Omitted sizes left unknown by a shape error before them: not reported (the error is), but the constructor would
    /// have a hole where each one goes, so the model is not generated either.
    /// </summary>
    public bool SizesLeftUnknownByAnError { get; init; }

    /// <summary>
    /// Whether an error leaves nothing sensible to generate (an omitted size that could not be inferred, a block
    /// that contains itself, a structure past NetGen's limits), so NetGen writes a stub instead. Shape mismatches do not block generation.
    /// </summary>
    public bool BlocksGeneration => SizesLeftUnknownByAnError
        || Diagnostics.Any(d => d.Descriptor.Id is DiagnosticIds.CannotInfer or DiagnosticIds.BlockCycle or DiagnosticIds.ModelTooLarge or DiagnosticIds.GeneratorFailure);
}

/// <summary>The models a model's analysis may look up: itself, the blocks it uses, theirs, and so on.</summary>
internal sealed record ModelCatalog(EquatableArray<ModelSpec> Models)
{
    /// <summary>Models of referenced assemblies whose descriptors this NetGen cannot read: their uses are opaque, and say why.</summary>
    public EquatableArray<Descriptors.UnreadableModel> Unreadable { get; init; }

    /// <summary>Why NetGen cannot see into <paramref name="typeName"/>, when it is a model it cannot read; else null.</summary>
    public string? WhyUnreadable(string typeName)
    {
        foreach (var model in Unreadable)
        {
            if (model.FullyQualifiedName == typeName)
            {
                return model.Problem;
            }
        }

        return null;
    }

    // Built on first use and left out of equality: the walk looks a block up at every use.
    private System.Collections.Generic.Dictionary<string, ModelSpec>? _byName;

    public ModelSpec? Find(string fullyQualifiedName)
    {
        var byName = _byName;
        if (byName is null)
        {
            byName = new System.Collections.Generic.Dictionary<string, ModelSpec>(System.StringComparer.Ordinal);
            foreach (var model in Models)
            {
                byName[model.FullyQualifiedName] = model;
            }

            _byName = byName;
        }

        return byName.TryGetValue(fullyQualifiedName, out var found) ? found : null;
    }

    // Why a use is unchecked is part of the analysis's input: a library rebuilt with another fault says something else.
    public bool Equals(ModelCatalog? other) => other is not null && Models == other.Models && Unreadable == other.Unreadable;

    public override int GetHashCode() => unchecked(Models.GetHashCode() * 31 + Unreadable.GetHashCode());
}
