using System;

namespace NetGen
{
    /// <summary>Overflow-safe element and byte counts for shapes read from untrusted files.</summary>
    internal static class ByteCounts
    {
        /// <summary>
        /// The element count of <paramref name="shape"/>; false when a dimension is negative or when the non-zero
        /// dimensions multiply past int64. Such a shape is refused even when a zero makes it empty: libtorch
        /// cannot create it ("Storage size calculation overflowed", depending on the order of the dimensions).
        /// </summary>
        public static bool TryCountElements(ReadOnlySpan<long> shape, out long elements)
        {
            elements = 0;
            long product = 1;
            bool empty = false;
            foreach (long dimension in shape)
            {
                if (dimension < 0)
                {
                    return false;
                }

                if (dimension == 0)
                {
                    empty = true;
                    continue;
                }

                if (dimension > long.MaxValue / product)
                {
                    return false;
                }

                product *= dimension;
            }

            elements = empty ? 0 : product;
            return true;
        }

        /// <summary>
        /// The bytes a contiguous tensor of <paramref name="shape"/> needs; false when the shape is not creatable
        /// (see <see cref="TryCountElements"/>) or the size exceeds <paramref name="limit"/> (which also rules out overflow).
        /// </summary>
        public static bool TryGet(ReadOnlySpan<long> shape, int elementSize, long limit, out long bytes)
        {
            bytes = 0;
            if (!TryCountElements(shape, out long elements) || elements > limit / elementSize)
            {
                return false;
            }

            bytes = elements * elementSize;
            return true;
        }
    }
}
