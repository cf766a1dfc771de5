using System;

namespace NetGen
{
    /// <summary>
    /// The error function and the standard normal CDF in double precision. .NET has no <c>Math.Erf</c>, and
    /// <c>trunc_normal_</c> needs PyTorch's exact bounds <c>Φ(a')</c> and <c>Φ(b')</c>, which PyTorch computes
    /// with C's <c>erf</c>. The tests compare <see cref="Erf"/> with Python's <c>math.erf</c>.
    /// </summary>
    internal static class StandardNormal
    {
        private static readonly double TwoOverSqrtPi = 2.0 / Math.Sqrt(Math.PI);

        /// <summary><c>Φ(x)</c>, written exactly as PyTorch's <c>norm_cdf</c> so both round the same way.</summary>
        public static double Cdf(double x) => (1.0 + Erf(x / Math.Sqrt(2.0))) / 2.0;

        /// <summary>The error function, within a few ulp of C's <c>erf</c>.</summary>
        public static double Erf(double x)
        {
            if (double.IsNaN(x)) return double.NaN;
            double ax = Math.Abs(x);
            // erfc(6) ≈ 2e-17 is below half an ulp of 1, so erf rounds to ±1 from there (and ±∞ is safe).
            if (ax >= 6.0) return Math.CopySign(1.0, x);
            // Below 1 the all-positive series loses nothing to cancellation and needs few terms. From 1 on
            // erfc < 0.16, so the relative error of the continued fraction shrinks in 1 - erfc.
            double r = ax < 1.0 ? PositiveSeries(ax) : 1.0 - ErfcContinuedFraction(ax);
            return x < 0 ? -r : r;
        }

        // e^(−x²) with x² split into its rounded value and the rounding error (exact by FMA): the error
        // of a plain x * x is amplified by x² in the exponential.
        private static double ExpMinusSquare(double x)
        {
            double hi = x * x;
            double lo = Math.FusedMultiplyAdd(x, x, -hi);
            return Math.Exp(-hi) * (1.0 - lo);
        }

        // erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)); every term is positive.
        private static double PositiveSeries(double x)
        {
            double x2 = x * x;
            double term = x, sum = x;
            for (int n = 1; n < 200; n++)
            {
                term *= 2.0 * x2 / (2 * n + 1);
                double next = sum + term;
                if (next == sum) break;
                sum = next;
            }
            return TwoOverSqrtPi * ExpMinusSquare(x) * sum;
        }

        // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated by the modified
        // Lentz method: under 300 steps at x = 1, a few dozen from x = 3.
        private static double ErfcContinuedFraction(double x)
        {
            const double Tiny = 1e-300;
            double f = x, c = x, d = 0.0;
            for (int k = 1; k < 1000; k++)
            {
                double ak = k / 2.0;
                d = x + ak * d;
                d = d == 0 ? Tiny : 1.0 / d;
                c = x + ak / c;
                if (c == 0) c = Tiny;
                double delta = c * d;
                f *= delta;
                if (Math.Abs(delta - 1.0) < 1e-16) break;
            }
            return ExpMinusSquare(x) / Math.Sqrt(Math.PI) / f;
        }
    }
}
