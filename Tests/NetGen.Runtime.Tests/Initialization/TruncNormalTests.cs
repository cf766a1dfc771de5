using System;
using System.Linq;
using NetGen.Runtime.Tests.Initialization.Support;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Initialization
{
    /// <summary>
    /// trunc_normal_ is a true truncated normal: the mass a normal puts outside [a, b] is removed and
    /// spread over the interval by renormalisation, not clamped onto the bounds (which a clamp of a normal
    /// sample would do, piling 1 − Z of the mass there).
    /// </summary>
    [Collection(GlobalGeneratorCollection.Name)]
    public sealed class TruncNormalTests(ITestOutputHelper output)
    {
        [Theory]
        [InlineData(0.0, 1.0, -2.0, 2.0)]
        [InlineData(0.5, 2.0, -3.0, 1.0)]
        [InlineData(0.0, 0.02, -0.04, 0.04)]
        public void Truncated_mass_is_renormalised_not_piled_on_the_bounds(double mean, double std, double a, double b)
        {
            const int N = 100_000;
            var target = TargetDistribution.TruncatedNormal(mean, std, a, b);
            double truncatedFraction = 1 - (TargetDistribution.Phi((b - mean) / std) - TargetDistribution.Phi((a - mean) / std));

            manual_seed(7);
            using var t = empty(N);
            Initializers.trunc_normal_(t, mean, std, a, b);
            double[] x = SampleStatistics.Values(t);

            // At the bounds: only what the final clamp absorbs from float rounding, nowhere near 1 − Z.
            int atBounds = x.Count(v => v <= a || v >= b);
            // In the outer tenth of the interval on each side, the frequency the truncated CDF predicts
            // (within 5 binomial standard errors).
            double width = b - a;
            double lowBand = target.Cdf(a + width / 10), highBand = 1 - target.Cdf(b - width / 10);
            double seenLow = x.Count(v => v < a + width / 10) / (double)N;
            double seenHigh = x.Count(v => v > b - width / 10) / (double)N;
            output.WriteLine($"{target}: normal mass outside [a, b] = {truncatedFraction:P3}; samples at a bound: {atBounds}; " +
                             $"outer tenths {seenLow:P3} / {seenHigh:P3}, expected {lowBand:P3} / {highBand:P3}");

            Assert.True(atBounds <= 5, $"{atBounds} of {N} samples sit on a bound; a clamped normal would put {truncatedFraction:P2} there");
            Assert.True(Math.Abs(seenLow - lowBand) <= 5 * Math.Sqrt(lowBand * (1 - lowBand) / N), $"low band {seenLow:P3}, expected {lowBand:P3}");
            Assert.True(Math.Abs(seenHigh - highBand) <= 5 * Math.Sqrt(highBand * (1 - highBand) / N), $"high band {seenHigh:P3}, expected {highBand:P3}");
        }

        [Fact]
        public void Bounds_far_in_the_tail_still_stay_inside_the_interval()
        {
            // One-sided: [mean, mean + 2 std], where the half-normal density is highest at the bound.
            manual_seed(11);
            using var t = empty(100_000);
            Initializers.trunc_normal_(t, 3, 0.5, 3, 4);
            var stats = SampleStatistics.Of(SampleStatistics.Values(t));
            stats.AssertBounds(TargetDistribution.TruncatedNormal(3, 0.5, 3, 4));
            stats.AssertMoments(TargetDistribution.TruncatedNormal(3, 0.5, 3, 4));
        }
    }
}
