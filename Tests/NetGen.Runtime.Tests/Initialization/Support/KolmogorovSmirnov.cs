using System;

namespace NetGen.Runtime.Tests.Initialization.Support
{
    /// <summary>
    /// The one-sample Kolmogorov–Smirnov test, implemented here so the tests depend on no statistics
    /// package: D = sup |F_n(x) − F(x)| over the sorted sample, compared with the asymptotic critical value
    /// c(α)/√n, where c(α) = √(−ln(α/2)/2).
    /// </summary>
    internal static class KolmogorovSmirnov
    {
        /// <summary>c(0.001) = √(−ln(0.0005)/2).</summary>
        public const double CAlpha001 = 1.94947;

        /// <summary>D for <paramref name="sample"/> against the continuous CDF <paramref name="cdf"/>.</summary>
        public static double Statistic(double[] sample, Func<double, double> cdf)
        {
            var sorted = (double[])sample.Clone();
            Array.Sort(sorted);
            int n = sorted.Length;
            double d = 0;
            for (int i = 0; i < n; i++)
            {
                double f = cdf(sorted[i]);
                // The empirical CDF steps from i/n to (i+1)/n at the i-th order statistic.
                d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
            }
            return d;
        }

        /// <summary>The asymptotic critical value of D at α = 0.001 for a sample of size <paramref name="n"/>.</summary>
        public static double Critical001(int n) => CAlpha001 / Math.Sqrt(n);
    }
}
