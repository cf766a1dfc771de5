using System;
using System.Collections.Generic;
using System.Text;

namespace NetGen
{
    /// <summary>Small helpers for shapes held as <c>long[]</c>: formatting, equality, element counts.</summary>
    public static class TensorShapes
    {
        /// <summary>Formats a shape the way PyTorch prints <c>torch.Size</c> contents: <c>[3, 4]</c>.</summary>
        public static string Format(IReadOnlyList<long> shape)
        {
            var builder = new StringBuilder("[");
            for (int i = 0; i < shape.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(shape[i]);
            }

            return builder.Append(']').ToString();
        }

        /// <summary>True when both shapes have the same rank and the same dimensions.</summary>
        public static bool Equal(ReadOnlySpan<long> left, ReadOnlySpan<long> right) => left.SequenceEqual(right);

        /// <summary>
        /// The product of the dimensions; 1 for a 0-d shape and 0 whenever a dimension is 0, however large the others.
        /// </summary>
        /// <exception cref="OverflowException">No dimension is 0 and the product does not fit in a <see cref="long"/>.</exception>
        public static long NumberOfElements(ReadOnlySpan<long> shape)
        {
            if (shape.Contains(0))
            {
                return 0;
            }

            long count = 1;
            foreach (long dimension in shape)
            {
                count = checked(count * dimension);
            }

            return count;
        }

        internal static int GetHashCode(long[] shape)
        {
            var hash = new HashCode();
            foreach (long dimension in shape)
            {
                hash.Add(dimension);
            }

            return hash.ToHashCode();
        }
    }
}
