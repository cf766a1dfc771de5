namespace NetGen.Generator.Shapes;

/// <summary>Activations, Dropout and Softmax keep the shape; Softmax's dim must be in range.</summary>
internal static class ElementwiseShapes
{
    public static ShapeResult Infer(ElementwiseSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        if (spec.SoftmaxDim is { } dim)
        {
            if (!input.IsRankKnown)
            {
                check.Note($"dim {dim} not checked: the input's rank is unknown");
            }
            else
            {
                check.BatchedDim(dim, input.Rank, "dim", out _);
            }
        }

        if (input.IsRankKnown && (spec.MinSampleRank > 0 || spec.MaxSampleRank < int.MaxValue))
        {
            var layout = spec.MaxSampleRank == int.MaxValue ? $"at least {spec.MinSampleRank}-dimensional" : $"{spec.MinSampleRank}- to {spec.MaxSampleRank}-dimensional";
            check.Rank(input, spec.MinSampleRank, spec.MaxSampleRank, layout);
        }

        return check.Failed ? check.Finish(TensorShape.UnknownRank) : check.Finish(input);
    }
}
