using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// One entry of a model's state dict: its PyTorch key, shape, element type and kind. Generated models
    /// list these in <see cref="IStateSchema.StateSchema"/>, in PyTorch's <c>state_dict()</c> order.
    /// Two entries are equal when key, dtype, kind and every dimension of the shape are equal.
    /// </summary>
    /// <param name="Key">The dotted PyTorch key, e.g. <c>layer1.0.left.1.running_mean</c>.</param>
    /// <param name="Shape">The dimensions; an empty array for a 0-d tensor. Treat it as read-only.</param>
    /// <param name="DType">The element type.</param>
    /// <param name="Kind">Parameter or persistent buffer.</param>
    public sealed record StateEntry(string Key, long[] Shape, ScalarType DType, StateEntryKind Kind)
    {
        /// <summary>Where the tensor lives, when the entry was read from a module; not part of equality.</summary>
        public DeviceType? Device { get; init; }

        /// <summary>The entry for a live tensor: its shape, dtype and device.</summary>
        public static StateEntry Of(string key, Tensor tensor, StateEntryKind kind) =>
            new(key, tensor.shape, tensor.dtype, kind) { Device = tensor.device_type };

        /// <summary>This entry under a parent module's name: <c>0.conv.weight</c> becomes <c>layer1.0.conv.weight</c>.</summary>
        public StateEntry WithPrefix(string prefix) => this with { Key = prefix + Key };

        /// <summary>The number of elements, the product of <see cref="Shape"/>.</summary>
        public long NumberOfElements => TensorShapes.NumberOfElements(Shape);

        /// <inheritdoc />
        public bool Equals(StateEntry? other) =>
            other is not null
            && Key == other.Key
            && DType == other.DType
            && Kind == other.Kind
            && Shape.AsSpan().SequenceEqual(other.Shape);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Key, DType, Kind, TensorShapes.GetHashCode(Shape));

        /// <summary>Formats the entry as <c>key [3, 4] Float32 Parameter</c>.</summary>
        public override string ToString() => $"{Key} {TensorShapes.Format(Shape)} {DType} {Kind}";
    }
}
