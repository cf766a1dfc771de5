namespace NetGen.Generator.Shapes;

/// <summary>Output shapes of the recurrent layers and of self-attention on an L×features sample, with PyTorch's checks.</summary>
internal static class SequenceShapes
{
    public static ShapeResult Infer(RecurrentSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        check.AtLeast(spec.InputSize, 1, "input_size");
        check.AtLeast(spec.HiddenSize, 1, "hidden_size");
        if (check.Failed || !input.IsRankKnown)
        {
            return check.Failed ? check.Finish(TensorShape.UnknownRank) : check.FinishUnknownRank("the input's rank is unknown");
        }

        if (!check.Rank(input, 2, 2, "L×H_in"))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        switch (spec.InputSize.Match(input[1]))
        {
            case DimMatch.Different:
                check.Fail(ShapeFailureKind.FeatureMismatch, $"{spec.Name} expects input_size {spec.InputSize} but receives {input[1]} features",
                    input[1].ToString(), spec.InputSize.ToString());
                return check.Finish(TensorShape.UnknownRank);
            case DimMatch.Undetermined:
                check.Note($"input_size {spec.InputSize} not checked against the received {input[1]}");
                break;
        }

        return check.Finish(TensorShape.Of(input[0], spec.HiddenSize * spec.Directions));
    }

    public static ShapeResult Infer(AttentionSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        check.AtLeast(spec.EmbedDim, 1, "embed_dim");
        check.AtLeast(spec.NumHeads, 1, "num_heads");
        if (!check.Failed && spec.EmbedDim.IsKnown && spec.NumHeads.IsKnown && spec.EmbedDim.Value % spec.NumHeads.Value != 0)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{spec.Name}: embed_dim {spec.EmbedDim} is not divisible by num_heads {spec.NumHeads}",
                $"a multiple of {spec.NumHeads}", spec.EmbedDim.ToString());
        }

        if (check.Failed || !input.IsRankKnown)
        {
            return check.Failed ? check.Finish(TensorShape.UnknownRank) : check.FinishUnknownRank("the input's rank is unknown");
        }

        if (!check.Rank(input, 2, 2, "L×E"))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        switch (spec.EmbedDim.Match(input[1]))
        {
            case DimMatch.Different:
                check.Fail(ShapeFailureKind.FeatureMismatch, $"{spec.Name} expects embed_dim {spec.EmbedDim} but receives {input[1]} features",
                    input[1].ToString(), spec.EmbedDim.ToString());
                return check.Finish(TensorShape.UnknownRank);
            case DimMatch.Undetermined:
                check.Note($"embed_dim {spec.EmbedDim} not checked against the received {input[1]}");
                break;
        }

        return check.Finish(input);
    }
}
