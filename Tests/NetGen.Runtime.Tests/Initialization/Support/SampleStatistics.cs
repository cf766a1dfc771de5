using System;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Initialization.Support
{
    /// <summary>Moments and range of a sample, with the checks every statistical test applies.</summary>
    internal sealed record SampleStatistics(int Count, double Mean, double Std, double Min, double Max)
    {
        /// <summary>The tensor's elements as doubles (read through a float64 copy, so any dtype works).</summary>
        public static double[] Values(Tensor t)
        {
            using var scope = NewDisposeScope();
            return t.detach().to(ScalarType.Float64).contiguous().data<double>().ToArray();
        }

        public static SampleStatistics Of(double[] x)
        {
            double mean = x.Average();
            double sumSquares = x.Sum(v => (v - mean) * (v - mean));
            return new SampleStatistics(x.Length, mean, Math.Sqrt(sumSquares / (x.Length - 1)), x.Min(), x.Max());
        }

        /// <summary>
        /// Mean within 5 standard errors (σ/√n) and std within 5 of its standard errors (at most σ/√(2n) for
        /// the normal, less for the uniform and truncated normal, whose kurtosis is lower): a true sample
        /// fails either with probability below 1e-6, while a 1 % error in std is caught at n = 100k.
        /// </summary>
        public void AssertMoments(TargetDistribution target)
        {
            double meanTolerance = 5 * target.Std / Math.Sqrt(Count);
            double stdTolerance = 5 * target.Std / Math.Sqrt(2.0 * Count);
            Assert.True(Math.Abs(Mean - target.Mean) <= meanTolerance,
                $"{target}: mean {Mean:G6}, expected {target.Mean:G6} ± {meanTolerance:G3}");
            Assert.True(Math.Abs(Std - target.Std) <= stdTolerance,
                $"{target}: std {Std:G6}, expected {target.Std:G6} ± {stdTolerance:G3}");
        }

        /// <summary>
        /// Every value inside the support; and each finite end approached to within 0.1 % of the support's
        /// width wherever the target puts enough mass there that a sample of this size misses that band with
        /// probability below e^−20 (at least 20 expected samples in it).
        /// </summary>
        public void AssertBounds(TargetDistribution target)
        {
            Assert.True(Min >= target.Lower && Max <= target.Upper,
                $"{target}: sample range [{Min:G6}, {Max:G6}] leaves the support [{target.Lower:G6}, {target.Upper:G6}]");
            if (double.IsFinite(target.Lower) && double.IsFinite(target.Upper))
            {
                double slack = 1e-3 * (target.Upper - target.Lower);
                if (Count * target.Cdf(target.Lower + slack) >= 20)
                    Assert.True(Min - target.Lower <= slack, $"{target}: sample minimum {Min:G6} does not reach the lower end");
                if (Count * (1 - target.Cdf(target.Upper - slack)) >= 20)
                    Assert.True(target.Upper - Max <= slack, $"{target}: sample maximum {Max:G6} does not reach the upper end");
            }
            else
            {
                // Beyond 6 std a normal sample of 100k has a value with probability about 2e-4.
                Assert.True(Math.Abs(Min - target.Mean) < 6 * target.Std && Math.Abs(Max - target.Mean) < 6 * target.Std,
                    $"{target}: sample range [{Min:G6}, {Max:G6}] reaches beyond 6 std");
            }
        }
    }
}
