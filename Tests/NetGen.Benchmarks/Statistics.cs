using System;
using System.Linq;

namespace NetGen.Benchmarks;

/// <summary>Medians and quantiles of per-round timings, by linear interpolation between order statistics.</summary>
public static class Statistics
{
    public static double Median(double[] values) => Quantile(values, 0.5);

    public static double Quantile(double[] values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
