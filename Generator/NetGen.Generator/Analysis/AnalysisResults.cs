using NetGen.Generator.Model;

namespace NetGen.Generator.Analysis;

/// <summary>A size the user omitted and shape inference supplied: a constant or a parameter of the model.</summary>
internal sealed record InferredArgument(string Member, int LayerIndex, string Argument, ArgValue Value);

/// <summary>One row of the compile-time summary. Unknown sizes are -1.</summary>
internal sealed record SummaryRow(string Path, string Type, int Depth, EquatableArray<long> OutputShape, long Parameters, long MultAdds);

/// <summary>The torchinfo-style summary of a model at its declared input and default hyperparameters.</summary>
internal sealed record SummarySpec(EquatableArray<long> Input, EquatableArray<SummaryRow> Rows, long TotalParameters, long TotalMultAdds);

/// <summary>A model after shape analysis: sizes inferred, summary computed, shape diagnostics found.</summary>
/// <param name="State">The state entries in PyTorch's order, with shapes in terms of the model's parameters.</param>
internal sealed record AnalyzedModel(ModelSpec Model, SummarySpec? Summary, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<StateEntrySpec> State = default);

/// <summary>Every model of the compilation, so that a model can look up the blocks it uses.</summary>
internal sealed record ModelCatalog(EquatableArray<ModelSpec> Models)
{
    public ModelSpec? Find(string fullyQualifiedName)
    {
        foreach (var model in Models)
        {
            if (model.FullyQualifiedName == fullyQualifiedName)
            {
                return model;
            }
        }

        return null;
    }
}
