using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>Rules for resizing, functional layers, sizes and new tensors.</summary>
internal static partial class ForwardOps
{
    private static ForwardValue Interpolate(OpCall op)
    {
        if (op.Input is not TensorValue tensor)
        {
            return op.Unknown();
        }

        var size = op.Sizes("size");
        IReadOnlyList<double?>? scale = op.Arg("scale_factor") switch
        {
            ListRef { List.Items: { } items } => items.Select(i => i switch { RealValue r => r.Value, SizeValue { Dim.IsKnown: true } s => (double?)s.Dim.Value, _ => null }).ToList(),
            RealValue r => new[] { r.Value },
            null or NullValue => null,
            _ => new double?[] { null },
        };
        if (op.Has("size") && size is null)
        {
            return op.Unknown();
        }

        return op.Result(ResizeShapes.Interpolate(op.Name, tensor.Shape, size, scale), tensor);
    }

    /// <summary><c>F.pad(x, new long[] { left, right, top, bottom })</c> or a tuple of two or four; TorchSharp's one-size form is not followed.</summary>
    private static ForwardValue Pad(OpCall op)
    {
        if (op.Arg("pad") is SizeValue)
        {
            return op.NotModelled("torch.nn.functional.pad with one size for every side is not modelled");
        }

        IReadOnlyList<Dim>? pad = op.Arg("pad") switch
        {
            TupleValue { Open: false } tuple => tuple.Items.Select(i => i is SizeValue s ? s.Dim : Dim.Unknown).ToList(),
            ListRef => op.Sizes("pad"),
            _ => null,
        };
        return op.Input is TensorValue tensor && pad is not null ? op.Result(PadShapes.Pad(op.Name, tensor.Shape, pad), tensor) : op.Unknown();
    }

    private static ForwardValue ScaledDotProductAttention(OpCall op) =>
        op.Arg("query") is TensorValue query && op.Arg("key") is TensorValue key && op.Arg("value") is TensorValue value
            ? op.Result(MatMulShapes.ScaledDotProductAttention(op.Name, query.Shape, key.Shape, value.Shape), query, "attention")
            : op.Unknown();

    /// <summary><c>F.avg_pool2d</c>, <c>F.max_pool2d</c>: the layer rule on each sample (a 3-d input is one unbatched sample).</summary>
    private static ForwardValue Pool(OpCall op)
    {
        var kernel = op.Sizes("kernel_size", "kernelSize", "kernelSizes");
        if (op.Input is not TensorValue tensor || kernel is null || op.Flag(false, "ceil_mode") is not { } ceil)
        {
            return op.Unknown();
        }

        var kind = op.Name switch
        {
            "max_pool1d" => PoolKind.MaxPool1d,
            "avg_pool1d" => PoolKind.AvgPool1d,
            "max_pool3d" => PoolKind.MaxPool3d,
            "max_pool2d" => PoolKind.MaxPool2d,
            _ => PoolKind.AvgPool2d,
        };
        var spec = new PoolSpec(op.Name, kind, kernel.ToEquatableArray(),
            (op.Sizes("stride", "strides") ?? new List<Dim>()).ToEquatableArray(),
            (op.Sizes("padding") ?? new[] { Dim.Of(0) }).ToEquatableArray(),
            PoolSpec.IsAverageKind(kind) ? EquatableArray<Dim>.Empty : (op.Sizes("dilation") ?? new[] { Dim.Of(1) }).ToEquatableArray(), ceil);
        return PerSample(op, tensor, spec);
    }

    private static ForwardValue AdaptivePool(OpCall op)
    {
        var size = op.Sizes("output_size", "outputSize");
        if (op.Input is not TensorValue tensor || size is null || size.Count is < 1 or > 2)
        {
            return op.Unknown();
        }

        return PerSample(op, tensor, new AdaptivePoolSpec(op.Name, size[0], size[size.Count - 1]));
    }

    /// <summary>A layer rule (which takes one sample) applied to a batch, or to a 3-d tensor as one unbatched sample.</summary>
    private static ForwardValue PerSample(OpCall op, TensorValue tensor, LayerShapeSpec spec)
    {
        if (!tensor.Shape.IsRankKnown)
        {
            return op.Unknown();
        }

        // An unbatched tensor is one sample: C×L for a 1-d pool, C×H×W for a 2-d one, C×D×H×W for a 3-d one.
        if (tensor.Shape.Rank == (spec is PoolSpec pool ? pool.SpatialRank : 2) + 1)
        {
            return op.Result(ShapeInference.Infer(spec, tensor.Shape), tensor, ShapeLabels.Describe(spec));
        }

        var batch = tensor.Shape.Rank == 0 ? Dim.Unknown : tensor.Shape[0];
        var sample = tensor.Shape.Rank == 0 ? tensor.Shape : TensorDims.Without(tensor.Shape, 0);
        var result = ShapeInference.Infer(spec, sample);
        return op.Result(result.Shape is { IsRankKnown: true } output ? ShapeResult.Success(TensorDims.Inserted(output, 0, batch)) : result, tensor, ShapeLabels.Describe(spec));
    }

    /// <summary><c>F.linear(x, weight, bias)</c> with a weight of known shape [out, in], e.g. a <c>[Parameter]</c>.</summary>
    private static ForwardValue Linear(OpCall op)
    {
        if (op.Input is not TensorValue tensor || op.Arg("weights", "weight") is not TensorValue { Shape: { IsRankKnown: true, Rank: 2 } weight })
        {
            return op.Unknown();
        }

        return op.Result(LinearShapes.Infer(new LinearSpec(op.Name, weight[1], weight[0]), tensor.Shape), tensor);
    }

    private static ForwardValue LayerNorm(OpCall op) =>
        op.Input is TensorValue tensor && op.Sizes("normalized_shape") is { } normalized
            ? op.Result(NormalizationShapes.Infer(new LayerNormSpec(op.Name, normalized.ToEquatableArray()), tensor.Shape), tensor)
            : op.Unknown();

    private static ForwardValue Normalize(OpCall op) =>
        op.Input is TensorValue tensor && op.Long(1, "dim") is { } dim
            ? op.Result(ReductionShapes.AlongDim(op.Name, tensor.Shape, dim), tensor)
            : op.Unknown();

    private static ForwardValue DimCount(OpCall op) =>
        op.Input is TensorValue tensor ? new SizeValue(tensor.Shape.IsRankKnown ? Dim.Of(tensor.Shape.Rank) : Dim.Unknown) { Taint = tensor.Taint } : op.Unknown();

    private static ForwardValue SizeOf(OpCall op)
    {
        if (op.Input is not TensorValue tensor)
        {
            return op.Unknown();
        }

        if (!op.Has("dim"))
        {
            return tensor.Shape.IsRankKnown
                ? new ListRef(new ListValue(tensor.Shape.Dims.Select(d => (ForwardValue)new SizeValue(d) { Taint = tensor.Taint }).ToList()))
                : new ListRef(new ListValue(null, new SizeValue(Dim.Unknown) { Taint = tensor.Taint }));
        }

        if (op.Long(null, "dim") is not { } dim || !tensor.Shape.IsRankKnown)
        {
            return new SizeValue(Dim.Unknown) { Taint = tensor.Taint };
        }

        var check = new LayerCheck(op.Name);
        return TensorDims.Normalize(check, dim, tensor.Shape.Rank, out var axis) && tensor.Shape.Rank > 0
            ? new SizeValue(tensor.Shape[axis]) { Taint = tensor.Taint }
            : op.Result(check.Finish(TensorShape.UnknownRank), tensor);
    }

    private static ForwardValue Numel(OpCall op) =>
        op.Input is TensorValue { Shape.IsRankKnown: true } tensor ? new SizeValue(DimProduct.Of(tensor.Shape.Dims).AsDim()) { Taint = tensor.Taint } : op.Unknown();

    /// <summary><c>torch.zeros(2, 3)</c>, <c>torch.ones(new long[] { n, c })</c>: a new tensor of those sizes.</summary>
    private static ForwardValue Creation(OpCall op)
    {
        var sizes = op.Sizes("size", "sizes")
            ?? (op.Has("rows") ? new[] { op.Size("rows"), op.Size("columns") } : null)
            ?? (op.Has("dim0") ? (IReadOnlyList<Dim>)new[] { "dim0", "dim1", "dim2", "dim3" }.Where(n => op.Has(n)).Select(n => op.Size(n)).ToList() : null);
        if (sizes is null)
        {
            return op.Unknown();
        }

        var shape = TensorShape.Of(sizes);
        return new TensorValue(shape, ShapeChain.Start(shape)) { Taint = op.Operands.Select(o => o.Taint).FirstOrDefault(t => t is not null) };
    }

    private static ForwardValue Like(OpCall op) => op.Input is TensorValue tensor ? tensor : op.Unknown();

    private static ForwardValue Arange(OpCall op)
    {
        long? Value(string name) => op.Arg(name) is SizeValue { Dim.IsKnown: true } size ? size.Dim.Value : null;
        var stop = Value("stop");
        var start = op.Has("start") ? Value("start") : 0;
        var step = op.Has("step") ? Value("step") : 1;
        var length = stop is { } b && start is { } a && step is { } s && s != 0 ? System.Math.Max(0, (b - a + s - (s > 0 ? 1 : -1)) / s) : (long?)null;
        var shape = TensorShape.Of(length is { } n ? Dim.Of(n) : Dim.Unknown);
        return new TensorValue(shape, ShapeChain.Start(shape));
    }
}
