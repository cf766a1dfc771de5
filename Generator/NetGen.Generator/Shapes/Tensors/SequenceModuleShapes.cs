namespace NetGen.Generator.Shapes;

/// <summary>
/// TorchSharp's sequence modules, for a hand-written forward that calls them: <c>LSTM</c>, <c>GRU</c> and
/// <c>RNN</c> (which return a tuple), and <c>MultiheadAttention</c> (TorchSharp's takes sequence-first
/// <c>[L, N, E]</c> tensors, as PyTorch's does without <c>batch_first</c>).
/// </summary>
internal static class SequenceModuleShapes
{
    /// <summary>
    /// The output <c>[N, L, D·hidden]</c> (or <c>[L, N, …]</c>, or <c>[L, …]</c> unbatched) and the final states
    /// <c>[D·layers, N, hidden]</c> of a recurrent module; the input's last dimension must be <paramref name="inputSize"/>.
    /// </summary>
    public static (ShapeResult Output, TensorShape? State) Recurrent(string name, TensorShape input, Dim inputSize, Dim hidden, Dim layers, bool? batchFirst, bool? bidirectional)
    {
        var check = new LayerCheck(name);
        if (!input.IsRankKnown)
        {
            return (check.FinishUnknownRank("the input's rank is unknown"), null);
        }

        if (input.Rank is not (2 or 3))
        {
            check.Fail(ShapeFailureKind.RankMismatch, $"{name} expects a 2-d (unbatched) or 3-d input, got {TensorDims.Text(input)}", "2-d or 3-d", $"{input.Rank}-d");
            return (check.Finish(TensorShape.UnknownRank), null);
        }

        var features = input[input.Rank - 1];
        if (inputSize.Match(features) == DimMatch.Different)
        {
            check.Fail(ShapeFailureKind.ModuleInputMismatch,
                $"{name}: input.size(-1) must be equal to input_size; expected {inputSize}, got {features} ({TensorDims.Text(input)})",
                inputSize.ToString(), features.ToString());
            return (check.Finish(TensorShape.UnknownRank), null);
        }

        var directions = bidirectional switch { true => Dim.Of(2), false => Dim.Of(1), _ => Dim.Unknown };
        var output = input.With(input.Rank - 1, DimProduct.Of(new[] { directions, hidden }).AsDim());
        var stacked = DimProduct.Of(new[] { directions, layers }).AsDim();
        TensorShape? state = input.Rank == 2 ? TensorShape.Of(stacked, hidden)
            : batchFirst is { } first ? TensorShape.Of(stacked, first ? input[0] : input[1], hidden)
            : null;
        return (check.Finish(batchFirst is null && input.Rank == 3 ? TensorShape.Of(Dim.Unknown, Dim.Unknown, output[2]) : output), state);
    }

    /// <summary>
    /// <c>attention.call(query, key, value)</c>: query <c>[L, N, E]</c> with E = embed_dim, key and value
    /// <c>[S, N, kdim]</c>/<c>[S, N, vdim]</c>; gives the attention <c>[L, N, E]</c> and its weights <c>[N, L, S]</c>.
    /// </summary>
    public static (ShapeResult Output, TensorShape? Weights) Attention(string name, TensorShape query, TensorShape key, TensorShape value, Dim embed, Dim keyDim, Dim valueDim)
    {
        var check = new LayerCheck(name);
        if (!query.IsRankKnown || !key.IsRankKnown || !value.IsRankKnown)
        {
            return (check.FinishUnknownRank("a rank is unknown"), null);
        }

        if (query.Rank != 3 || key.Rank != 3 || value.Rank != 3)
        {
            // An unbatched (2-d) call is not followed; any other rank fails.
            if (query.Rank is 2 or 3 && key.Rank == query.Rank && value.Rank == query.Rank)
            {
                return (check.FinishUnknownRank("an unbatched call is not followed"), null);
            }

            check.Fail(ShapeFailureKind.RankMismatch, $"{name} expects query, key and value of 3 dimensions [L, N, E], got {TensorDims.Text(query)}, {TensorDims.Text(key)} and {TensorDims.Text(value)}",
                "[L, N, E]", TensorDims.Text(query));
            return (check.Finish(TensorShape.UnknownRank), null);
        }

        Expect(check, embed, query[2], "query", "embedding dimension", query);
        Expect(check, keyDim, key[2], "key", "embedding dimension", key);
        Expect(check, valueDim, value[2], "value", "embedding dimension", value);
        Expect(check, query[1], key[1], "key", "batch size", key);
        Expect(check, query[1], value[1], "value", "batch size", value);
        Expect(check, key[0], value[0], "value", "sequence length (the key's)", value);
        var output = TensorShape.Of(query[0], query[1].MoreSpecific(key[1]), embed.IsUnknown ? query[2] : embed);
        return (check.Finish(output), TensorShape.Of(output[1], query[0], key[0]));
    }

    private static void Expect(LayerCheck check, Dim expected, Dim actual, string what, string dimension, TensorShape shape)
    {
        if (expected.Match(actual) == DimMatch.Different)
        {
            check.Fail(ShapeFailureKind.ModuleInputMismatch, $"{check.Layer}: was expecting a {what} {dimension} of {expected}, but got {actual} ({TensorDims.Text(shape)})",
                expected.ToString(), actual.ToString());
        }
    }
}
