using System;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>One tensor stored in a checkpoint file: its key, element type and shape.</summary>
    /// <param name="Key">The state-dict key.</param>
    /// <param name="DType">The element type stored in the file.</param>
    /// <param name="Shape">The dimensions stored in the file; treat as read-only.</param>
    public sealed record CheckpointEntry(string Key, ScalarType DType, long[] Shape)
    {
        /// <summary>The number of elements.</summary>
        public long NumberOfElements => TensorShapes.NumberOfElements(Shape);

        /// <inheritdoc />
        public bool Equals(CheckpointEntry? other) =>
            other is not null && Key == other.Key && DType == other.DType && Shape.AsSpan().SequenceEqual(other.Shape);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Key, DType, TensorShapes.GetHashCode(Shape));

        /// <summary>Formats the entry as <c>key [3, 4] Float32</c>.</summary>
        public override string ToString() => $"{Key} {TensorShapes.Format(Shape)} {DType}";
    }
}
