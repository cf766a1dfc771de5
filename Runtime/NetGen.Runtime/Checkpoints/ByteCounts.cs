namespace NetGen
{
    /// <summary>Overflow-safe byte sizes for shapes read from untrusted files.</summary>
    internal static class ByteCounts
    {
        /// <summary>
        /// The bytes a tensor of <paramref name="shape"/> needs; false when any dimension is negative or the
        /// size exceeds <paramref name="limit"/> (which also rules out overflow).
        /// </summary>
        public static bool TryGet(long[] shape, int elementSize, long limit, out long bytes)
        {
            bytes = 0;
            foreach (long dimension in shape)
            {
                if (dimension < 0)
                {
                    return false;
                }

                if (dimension == 0)
                {
                    return true;
                }
            }

            long elements = 1;
            long maxElements = limit / elementSize;
            foreach (long dimension in shape)
            {
                if (dimension > maxElements / elements)
                {
                    return false;
                }

                elements *= dimension;
            }

            bytes = elements * elementSize;
            return true;
        }
    }
}
