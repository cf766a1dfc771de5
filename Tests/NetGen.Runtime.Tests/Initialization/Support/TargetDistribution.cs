using System;

namespace NetGen.Runtime.Tests.Initialization.Support
{
    /// <summary>
    /// A distribution a scheme should sample from, with its exact mean, std, support and CDF, all written
    /// from PyTorch's documented formulas rather than from NetGen's code.
    /// </summary>
    internal sealed record TargetDistribution(string Name, double Mean, double Std, double Lower, double Upper, Func<double, double> Cdf)
    {
        public static TargetDistribution Uniform(double a, double b) => new(
            $"U({a:G5}, {b:G5})", (a + b) / 2, (b - a) / Math.Sqrt(12), a, b,
            x => x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a));

        public static TargetDistribution Normal(double mean, double std) => new(
            $"N({mean:G5}, {std:G5}²)", mean, std, double.NegativeInfinity, double.PositiveInfinity,
            x => Phi((x - mean) / std));

        /// <summary>N(mean, std²) conditioned on [a, b], with the textbook truncated-normal moments.</summary>
        public static TargetDistribution TruncatedNormal(double mean, double std, double a, double b)
        {
            double alpha = (a - mean) / std, beta = (b - mean) / std;
            double z = Phi(beta) - Phi(alpha);
            double shift = (Pdf(alpha) - Pdf(beta)) / z;
            double variance = 1 + (alpha * Pdf(alpha) - beta * Pdf(beta)) / z - shift * shift;
            return new TargetDistribution(
                $"TN({mean:G5}, {std:G5}², [{a:G5}, {b:G5}])", mean + std * shift, std * Math.Sqrt(variance), a, b,
                x => x <= a ? 0 : x >= b ? 1 : (Phi((x - mean) / std) - Phi(alpha)) / z);
        }

        public static double Phi(double x) => StandardNormal.Cdf(x);

        public static double Pdf(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);

        public override string ToString() => Name;
    }
}
