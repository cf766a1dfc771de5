using System;
using System.Collections.Generic;

namespace NetGen.Generator.Analysis;

/// <summary>
/// Sums and products of counts where -1 means unknown: one unknown makes the result unknown, and so does
/// a result beyond 64 bits, which no real model has, rather than a wrapped negative number.
/// </summary>
internal static class Counting
{
    public static long Sum(IEnumerable<long> values)
    {
        long total = 0;
        foreach (var value in values)
        {
            if (value < 0 || !TryAdd(total, value, out total))
            {
                return -1;
            }
        }

        return total;
    }

    public static long Product(IEnumerable<long> values)
    {
        long total = 1;
        foreach (var value in values)
        {
            if (value < 0)
            {
                return -1;
            }

            try
            {
                total = checked(total * value);
            }
            catch (OverflowException)
            {
                return -1;
            }
        }

        return total;
    }

    public static long Times(long value, long count) => Product(new[] { value, count });

    private static bool TryAdd(long left, long right, out long sum)
    {
        try
        {
            sum = checked(left + right);
            return true;
        }
        catch (OverflowException)
        {
            sum = -1;
            return false;
        }
    }
}
