using System;
using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Shapes;

/// <summary>The result of running a sequence of layers: the chain so far, and the failure if one stopped it.</summary>
internal sealed record SequenceResult(ShapeChain Chain, ShapeFailure? Failure, int FailedIndex, EquatableArray<string> Unchecked)
{
    public bool IsSuccess => Failure is null;

    /// <summary>The output shape; after a failure, the shape the failing layer received.</summary>
    public TensorShape Output => Chain.Current;

    /// <summary>The failure's message followed by the chain that led to it, or the chain alone.</summary>
    public override string ToString() => Failure is null ? Chain.ToString() : $"{Failure.Message}; {Chain}";
}

/// <summary>The entry point: infers one layer's output shape, or a whole sequential chain.</summary>
internal static class ShapeInference
{
    public static ShapeResult Infer(LayerShapeSpec layer, TensorShape input) => layer switch
    {
        ConvSpec conv => ConvolutionShapes.Infer(conv, input),
        PoolSpec pool => PoolingShapes.Infer(pool, input),
        AdaptivePoolSpec adaptive => PoolingShapes.Infer(adaptive, input),
        AdaptivePool1dSpec adaptive1d => PoolingShapes.Infer(adaptive1d, input),
        PixelShuffleSpec shuffle => ReshapingShapes.Infer(shuffle, input),
        UpsampleSpec upsample => ReshapingShapes.Infer(upsample, input),
        PadSpec pad => ReshapingShapes.Infer(pad, input),
        UnflattenSpec unflatten => ReshapingShapes.Infer(unflatten, input),
        ChannelwiseSpec channelwise => ReshapingShapes.Infer(channelwise, input),
        RecurrentSpec recurrent => SequenceShapes.Infer(recurrent, input),
        AttentionSpec attention => SequenceShapes.Infer(attention, input),
        PermuteSpec permute => ReshapingShapes.Infer(permute, input),
        MeanSpec mean => SampleReductionShapes.Infer(mean, input),
        SelectSpec select => SampleReductionShapes.Infer(select, input),
        ChannelShuffleSpec channelShuffle => SampleReductionShapes.Infer(channelShuffle, input),
        FlattenSpec flatten => FlattenShapes.Infer(flatten, input),
        LinearSpec linear => LinearShapes.Infer(linear, input),
        EmbeddingSpec embedding => EmbeddingShapes.Infer(embedding, input),
        NormSpec norm => NormalizationShapes.Infer(norm, input),
        LayerNormSpec layerNorm => NormalizationShapes.Infer(layerNorm, input),
        ElementwiseSpec elementwise => ElementwiseShapes.Infer(elementwise, input),
        _ => throw new ArgumentException($"No shape rule for {layer.GetType().Name}.", nameof(layer)),
    };

    /// <summary>Infers with the symbols of both the layer and the input bound, e.g. at a block's use site.</summary>
    public static ShapeResult Infer(LayerShapeSpec layer, TensorShape input, ShapeBindings bindings) =>
        Infer(layer.Bind(bindings), input.Bind(bindings));

    /// <summary>Runs the layers one after another, stopping at the first failure.</summary>
    public static SequenceResult InferSequence(TensorShape input, IEnumerable<LayerShapeSpec> layers, ShapeBindings? bindings = null)
    {
        ShapeChain chain = ShapeChain.Start(bindings is null ? input : input.Bind(bindings));
        var notes = new List<string>();
        int index = 0;
        foreach (LayerShapeSpec spec in layers)
        {
            LayerShapeSpec layer = bindings is null ? spec : spec.Bind(bindings);
            ShapeResult result = Infer(layer, chain.Current);
            if (result.Failure is { } failure)
            {
                return new SequenceResult(chain, failure, index, notes.ToEquatableArray());
            }

            notes.AddRange(result.Unchecked);
            chain = chain.Then(layer, result.Shape!);
            index++;
        }

        return new SequenceResult(chain, null, -1, notes.ToEquatableArray());
    }
}
