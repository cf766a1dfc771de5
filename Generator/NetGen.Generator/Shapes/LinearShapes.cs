using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>Output shape of <c>nn.Linear</c>, which maps the last dimension.</summary>
internal static class LinearShapes
{
    public static ShapeResult Infer(LinearSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        check.AtLeast(spec.InFeatures, 0, "in_features");
        check.AtLeast(spec.OutFeatures, 0, "out_features");
        if (check.Failed)
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the input's rank is unknown; in_features not checked");
        }

        if (!check.Rank(input, 1, int.MaxValue, "…×features"))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        Dim received = input[input.Rank - 1];
        switch (spec.InFeatures.Match(received))
        {
            case DimMatch.Different:
                string source = input.Rank == 1 ? $"flattened {received}" : $"{received}, the last dimension of {input}";
                check.Fail(ShapeFailureKind.FeatureMismatch,
                    $"{spec.Name}: Linear in_features {spec.InFeatures} ≠ {source}",
                    received.ToString(), spec.InFeatures.ToString());
                break;
            case DimMatch.Undetermined when !spec.InFeatures.IsUnknown:
                check.Note($"in_features {spec.InFeatures} not checked against the received {received}");
                break;
        }

        return check.Finish(input.With(input.Rank - 1, spec.OutFeatures));
    }
}

/// <summary>Output shape of <c>nn.Embedding</c>: the index shape with embedding_dim appended.</summary>
internal static class EmbeddingShapes
{
    public static ShapeResult Infer(EmbeddingSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        check.AtLeast(spec.NumEmbeddings, 0, "num_embeddings");
        check.AtLeast(spec.EmbeddingDim, 0, "embedding_dim");
        if (spec.PaddingIdx is { IsKnown: true } index && spec.NumEmbeddings.IsKnown)
        {
            long n = spec.NumEmbeddings.Value;
            if (index.Value >= n || index.Value < -n)
            {
                check.Fail(ShapeFailureKind.InvalidArgument,
                    $"{spec.Name}: padding_idx {index} is not within num_embeddings {n}", $"{-n} to {n - 1}", index.ToString());
            }
        }
        else if (spec.PaddingIdx is { } pending)
        {
            check.Note($"padding_idx {pending} not checked against num_embeddings {spec.NumEmbeddings}");
        }

        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the input's rank is unknown");
        }

        return check.Finish(TensorShape.Of(input.Dims.Append(spec.EmbeddingDim)));
    }
}
