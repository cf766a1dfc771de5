using System;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.GeneratedInit;

/// <summary>A one-sample Kolmogorov–Smirnov test against a normal distribution.</summary>
internal static class Statistics
{
    public static double KolmogorovSmirnovNormal(Tensor samples, double mean, double std)
    {
        var sorted = samples.flatten().to_type(ScalarType.Float64).sort().Values.data<double>().ToArray();
        var n = sorted.Length;
        var d = 0.0;
        for (var i = 0; i < n; i++)
        {
            var cdf = 0.5 * (1 + Erf((sorted[i] - mean) / (std * Math.Sqrt(2))));
            d = Math.Max(d, Math.Max(cdf - (double)i / n, (double)(i + 1) / n - cdf));
        }

        return d;
    }

    /// <summary>The asymptotic critical value at α = 0.001.</summary>
    public static double KsCritical001(long n) => 1.94947 / Math.Sqrt(n);

    /// <summary>Abramowitz–Stegun 7.1.26, accurate to 1.5e-7: ample for a KS statistic.</summary>
    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1 / (1 + 0.3275911 * x);
        var y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }
}
