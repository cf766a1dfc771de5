using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>The rules of the catalogue: each reads its arguments by TorchSharp's names and calls the shape library.</summary>
internal static partial class ForwardOps
{
    private static ForwardValue KeepShape(OpCall op) => op.Input is TensorValue tensor ? tensor : op.Unknown();

    private static ForwardValue BroadcastRule(OpCall op)
    {
        var other = op.Arg("target", "right", "other", "mask", "exponent", "y") ?? op.Arg("scalar");
        if (op.Input is null || other is null)
        {
            return op.Unknown();
        }

        var kind = op.Name is "add" or "add_" ? ShapeFailureKind.AddShapeMismatch : ShapeFailureKind.BroadcastMismatch;
        var result = op.Broadcast(op.Input, other, kind);
        // An in-place operation keeps its tensor's shape (and fails if broadcasting would grow it; not checked here).
        return op.Name.EndsWith("_", System.StringComparison.Ordinal) && op.Input is TensorValue self && result is TensorValue ? self : result;
    }

    private static ForwardValue Where(OpCall op)
    {
        var condition = op.Arg("condition");
        var other = op.Arg("y", "other");
        if (op.Input is null || condition is null || other is null)
        {
            return op.Unknown();
        }

        var first = op.Broadcast(condition, op.Input, ShapeFailureKind.BroadcastMismatch);
        return first is TensorValue ? op.Broadcast(first, other, ShapeFailureKind.BroadcastMismatch) : first;
    }

    private static ForwardValue Cat(OpCall op) => Join(op, stack: false);

    private static ForwardValue Stack(OpCall op) => Join(op, stack: true);

    private static ForwardValue Join(OpCall op, bool stack)
    {
        var dim = op.Long(0, "dim", "axis");
        var tensors = op.Tensors("tensors");
        if (dim is not { } d || tensors is null)
        {
            return op.Unknown();
        }

        var label = $"{op.Name} dim {d}";
        var source = tensors.OrderByDescending(t => t.Chain.Steps.Length).First();
        var shapes = tensors.Select(t => t.Shape).ToList();
        var result = stack ? JoinShapes.Stack(label, shapes, d) : JoinShapes.Cat(label, shapes, d);
        return op.Result(result, source, label);
    }

    private static ForwardValue Chunk(OpCall op)
    {
        if (op.Input is not TensorValue tensor || op.Long(null, "chunks") is not { } chunks || op.Long(0, "dim") is not { } dim)
        {
            return op.Unknown();
        }

        var (result, pieces) = JoinShapes.Chunk(op.Name, tensor.Shape, chunks, dim);
        return Pieces(op, tensor, result, pieces);
    }

    private static ForwardValue Split(OpCall op)
    {
        var size = op.Arg("size", "sizes", "split_size", "split_size_or_sections");
        if (op.Input is not TensorValue tensor || op.Long(0, "dim", "dimension") is not { } dim)
        {
            return op.Unknown();
        }

        var (result, pieces) = size switch
        {
            SizeValue { Dim.IsKnown: true } every => JoinShapes.SplitEvery(op.Name, tensor.Shape, every.Dim.Value, dim),
            ListRef { List.Items: not null } => JoinShapes.SplitSizes(op.Name, tensor.Shape, op.Sizes("size", "sizes", "split_size", "split_size_or_sections")!, dim),
            _ => (null!, null),
        };
        return result is null ? op.Unknown() : Pieces(op, tensor, result, pieces);
    }

    /// <summary>The list of pieces <c>chunk</c> and <c>split</c> return; of unknown length when the count is not known.</summary>
    private static ForwardValue Pieces(OpCall op, TensorValue tensor, ShapeResult result, IReadOnlyList<TensorShape>? pieces)
    {
        var template = op.Result(result, tensor);
        if (template is not TensorValue)
        {
            return template;
        }

        return pieces is null
            ? new ListRef(new ListValue(null, template))
            : new ListRef(new ListValue(pieces.Select((p, i) => (ForwardValue)tensor.Then($"{op.Name}[{i}]", p)).ToList()));
    }

    private static ForwardValue Unbind(OpCall op)
    {
        if (op.Input is not TensorValue tensor || !tensor.Shape.IsRankKnown || op.Long(0, "dim", "dimension") is not { } dim)
        {
            return op.Unknown();
        }

        var check = new LayerCheck(op.Name);
        if (!TensorDims.Normalize(check, dim, tensor.Shape.Rank, out var axis))
        {
            return op.Result(check.Finish(TensorShape.UnknownRank), tensor);
        }

        var piece = tensor.Then(op.Name, TensorDims.Without(tensor.Shape, axis));
        return tensor.Shape[axis].TryGetValue(out var count) && count <= ForwardInterpreter.MaxIterations
            ? new ListRef(new ListValue(Enumerable.Repeat((ForwardValue)piece, (int)count).ToList()))
            : new ListRef(new ListValue(null, piece));
    }

    private static ForwardValue View(OpCall op) =>
        op.Input is TensorValue tensor && op.Sizes("shape", "size", "sizes") is { } sizes
            ? op.Result(LayoutShapes.View(op.Name, tensor.Shape, sizes), tensor)
            : op.Unknown();

    private static ForwardValue ViewAs(OpCall op) =>
        op.Input is TensorValue tensor && op.Arg("other") is TensorValue { Shape.IsRankKnown: true } other
            ? op.Result(LayoutShapes.View(op.Name, tensor.Shape, other.Shape.Dims.ToList()), tensor)
            : op.Unknown();

    private static ForwardValue ExpandAs(OpCall op) =>
        op.Input is TensorValue tensor && op.Arg("other") is TensorValue { Shape.IsRankKnown: true } other
            ? op.Result(LayoutShapes.Expand(op.Name, tensor.Shape, other.Shape.Dims.ToList()), tensor)
            : op.Unknown();

    private static ForwardValue Flatten(OpCall op) =>
        op.Input is TensorValue tensor && op.Long(0, "start_dim", "startDim") is { } start && op.Long(-1, "end_dim", "endDim") is { } end
            ? op.Result(LayoutShapes.Flatten(op.Name, tensor.Shape, start, end), tensor, $"flatten {start}")
            : op.Unknown();

    private static ForwardValue Permute(OpCall op) =>
        op.Input is TensorValue tensor && op.Longs("permutation", "dims") is { } dims
            ? op.Result(LayoutShapes.Permute(op.Name, tensor.Shape, dims), tensor, $"permute {string.Join(",", dims)}")
            : op.Unknown();

    private static ForwardValue Transpose(OpCall op) =>
        op.Input is TensorValue tensor && op.Long(null, "dim0", "axis0") is { } a && op.Long(null, "dim1", "axis1") is { } b
            ? op.Result(LayoutShapes.Transpose(op.Name, tensor.Shape, a, b), tensor, $"{op.Name} {a},{b}")
            : op.Unknown();

    private static ForwardValue T(OpCall op)
    {
        if (op.Input is not TensorValue { Shape.IsRankKnown: true } tensor)
        {
            return op.Unknown();
        }

        if (tensor.Shape.Rank > 2)
        {
            var check = new LayerCheck("t");
            check.Fail(ShapeFailureKind.InvalidArgument, $"t: t() expects a tensor with <= 2 dimensions, but self is {tensor.Shape.Rank}D ({TensorDims.Text(tensor.Shape)})", "≤ 2-d", $"{tensor.Shape.Rank}-d");
            return op.Result(check.Finish(TensorShape.UnknownRank), tensor);
        }

        return tensor.Shape.Rank < 2 ? tensor : op.Result(LayoutShapes.Transpose("t", tensor.Shape, 0, 1), tensor);
    }

    private static ForwardValue Unsqueeze(OpCall op) =>
        op.Input is TensorValue tensor && op.Long(null, "dim") is { } dim
            ? op.Result(LayoutShapes.Unsqueeze(op.Name, tensor.Shape, dim), tensor, $"unsqueeze {dim}")
            : op.Unknown();

    private static ForwardValue Squeeze(OpCall op)
    {
        if (op.Input is not TensorValue tensor)
        {
            return op.Unknown();
        }

        var dim = op.Arg("dim");
        return dim is null or NullValue ? op.Result(LayoutShapes.Squeeze(op.Name, tensor.Shape, null), tensor)
            : dim is SizeValue { Dim.IsKnown: true } d ? op.Result(LayoutShapes.Squeeze(op.Name, tensor.Shape, d.Dim.Value), tensor, $"squeeze {d.Dim.Value}")
            : op.Unknown();
    }

    private static ForwardValue Expand(OpCall op) =>
        op.Input is TensorValue tensor && op.Sizes("sizes", "size") is { } sizes
            ? op.Result(LayoutShapes.Expand(op.Name, tensor.Shape, sizes), tensor)
            : op.Unknown();

    private static ForwardValue RepeatRule(OpCall op) =>
        op.Input is TensorValue tensor && op.Sizes("sizes", "repeats") is { } repeats
            ? op.Result(LayoutShapes.Repeat(op.Name, tensor.Shape, repeats), tensor)
            : op.Unknown();

    /// <summary>The dims of a reduction: a list, one dim, or the separate <c>dim0, dim1, dim2</c> of <c>sum</c>; null for all, unknown as a null value.</summary>
    private static (bool Known, IReadOnlyList<long>? Dims) ReducedDims(OpCall op)
    {
        var separate = new[] { "dim0", "dim1", "dim2" }.Where(n => op.Has(n)).ToList();
        if (separate.Count > 0)
        {
            var values = separate.Select(n => op.Long(null, n)).ToList();
            return values.All(v => v is not null) ? (true, values.Select(v => v!.Value).ToList()) : (false, null);
        }

        if (!op.Has("dims", "dimensions", "dimension", "dim", "axis"))
        {
            return (true, null);
        }

        var dims = op.Longs("dims", "dimensions", "dimension", "dim", "axis");
        return dims is null ? (false, null) : (true, dims);
    }

    private static ForwardValue Reduce(OpCall op)
    {
        var (known, dims) = ReducedDims(op);
        if (op.Input is not TensorValue tensor || !known || op.Flag(false, "keepdim") is not { } keep)
        {
            return op.Unknown();
        }

        return op.Result(ReductionShapes.Reduce(op.Name, tensor.Shape, dims, keep), tensor, dims is null ? op.Name : $"{op.Name} {string.Join(",", dims)}");
    }

    private static ForwardValue MaxMin(OpCall op)
    {
        if (op.Arg("other") is TensorValue)
        {
            return op.Broadcast(op.Input ?? ForwardValue.Unknown(), op.Arg("other")!, ShapeFailureKind.BroadcastMismatch);
        }

        var reduced = Reduce(op);
        // With a dim, TorchSharp's max and min return the values and their indices.
        return op.Has("dim") && reduced is TensorValue ? new TupleValue(new[] { reduced, reduced }, false) : reduced;
    }

    private static ForwardValue AlongDim(OpCall op) =>
        op.Input is TensorValue tensor && op.Long(null, "dim") is { } dim
            ? op.Result(ReductionShapes.AlongDim(op.Name, tensor.Shape, dim), tensor)
            : op.Unknown();

    private static ForwardValue Einsum(OpCall op)
    {
        if (op.Arg("equation") is not TextValue { Value: { } equation } || op.Tensors("tensors") is not { Count: > 0 } tensors)
        {
            return op.Unknown();
        }

        return EinsumShapes.Follows(equation)
            ? op.Result(EinsumShapes.Einsum(op.Name, equation, tensors.Select(t => t.Shape).ToList()), tensors[0], "einsum")
            : op.NotModelled($"torch.einsum(\"{equation}\") is not modelled (an ellipsis, or an implicit output of mixed-case subscripts)");
    }

    private static ForwardValue MatMul(OpCall op) => Product(op, MatMulShapes.MatMul, "target", "other", "tensor2", "mat2", "right");

    private static ForwardValue Bmm(OpCall op) => Product(op, MatMulShapes.Bmm, "batch2", "target", "mat2", "other");

    private static ForwardValue Mm(OpCall op) => Product(op, MatMulShapes.Mm, "mat2", "target", "other");

    private static ForwardValue Product(OpCall op, System.Func<string, TensorShape, TensorShape, ShapeResult> rule, params string[] names) =>
        op.Input is TensorValue left && op.Arg(names) is TensorValue right
            ? op.Result(rule(op.Name, left.Shape, right.Shape), left, chainOf: right.Chain.Steps.Length > left.Chain.Steps.Length ? right : left)
            : op.Unknown();

    private static ForwardValue Narrow(OpCall op) =>
        op.Input is TensorValue tensor && op.Long(null, "dim") is { } dim
            ? op.Result(IndexShapes.Narrow(op.Name, tensor.Shape, dim, op.Size("start"), op.Size("length")), tensor, $"narrow {dim}")
            : op.Unknown();

    /// <summary>The tensor's <c>unfold(dimension, size, step)</c>; <c>F.unfold</c> (im2col, with a kernel size) is another operation, not modelled.</summary>
    private static ForwardValue Unfold(OpCall op)
    {
        if (op.Has("kernel_size"))
        {
            return op.NotModelled("torch.nn.functional.unfold (im2col) is not modelled");
        }

        return op.Input is TensorValue tensor && op.Long(null, "dimension") is { } dimension
            ? op.Result(WindowShapes.Unfold(op.Name, tensor.Shape, dimension, op.Size("size"), op.Size("step")), tensor, $"unfold {dimension}")
            : op.Unknown();
    }

    private static ForwardValue Select(OpCall op) =>
        op.Input is TensorValue tensor && op.Long(null, "dim") is { } dim
            ? op.Result(IndexShapes.Select(op.Name, tensor.Shape, dim, op.Long(null, "index")), tensor, $"select {dim}")
            : op.Unknown();

    private static ForwardValue IndexSelect(OpCall op)
    {
        if (op.Input is not TensorValue tensor || op.Long(null, "dim") is not { } dim || !tensor.Shape.IsRankKnown)
        {
            return op.Unknown();
        }

        var count = op.Arg("index") is TensorValue { Shape: { IsRankKnown: true, Rank: 1 } index } ? index[0] : Dim.Unknown;
        var check = new LayerCheck(op.Name);
        return TensorDims.Normalize(check, dim, tensor.Shape.Rank, out var axis)
            ? tensor.Then(op.Name, tensor.Shape.Rank == 0 ? tensor.Shape : tensor.Shape.With(axis, count))
            : op.Result(check.Finish(TensorShape.UnknownRank), tensor);
    }
}
