using System;
using NetGen.Runtime.Tests.Initialization.Support;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Initialization
{
    [Collection(GlobalGeneratorCollection.Name)]
    public sealed class OrthogonalTests(ITestOutputHelper output)
    {
        /// <summary>
        /// Flattened to rows × cols, a tall or square result has orthonormal columns (WᵀW = gain²·I) and a
        /// wide one orthonormal rows (WWᵀ = gain²·I). Checked in float64 to 1e-10 and in float32 to 1e-5.
        /// </summary>
        [Theory]
        [InlineData(new long[] { 64, 64 }, 1.0)]
        [InlineData(new long[] { 100, 30 }, 2.0)]           // tall
        [InlineData(new long[] { 30, 100 }, 0.5)]           // wide
        [InlineData(new long[] { 16, 8, 3, 3 }, 1.4142)]    // conv weight: 16 × 72, wide
        [InlineData(new long[] { 80, 4, 3 }, 1.0)]          // 80 × 12, tall
        public void Flattened_weight_is_gain_times_orthonormal(long[] shape, double gain)
        {
            foreach (var dtype in new[] { ScalarType.Float64, ScalarType.Float32 })
            {
                manual_seed(9);
                using var scope = NewDisposeScope();
                var t = empty(shape, dtype);
                Initializers.orthogonal_(t, gain);

                long rows = shape[0], cols = t.numel() / rows;
                var w = t.reshape(rows, cols).to(ScalarType.Float64);
                var gram = rows >= cols ? w.t().matmul(w) : w.matmul(w.t());
                var expected = eye(Math.Min(rows, cols), dtype: ScalarType.Float64) * (gain * gain);
                double error = (gram - expected).abs().max().item<double>();
                double tolerance = dtype == ScalarType.Float64 ? 1e-10 : 1e-5;
                output.WriteLine($"orthogonal_ {string.Join("x", shape)} {dtype} gain {gain}: max |gram − gain²·I| = {error:E2}");
                Assert.True(error < tolerance * Math.Max(1, gain * gain), $"{dtype}: max |gram − gain²I| = {error:E3}");
            }
        }

        /// <summary>
        /// Each entry of a Haar-random orthogonal n × n matrix has mean 0 and variance exactly 1/n, and its
        /// diagonal is not biased in sign (which it is without the sign correction by R's diagonal, since
        /// Householder QR fixes the signs of R).
        /// </summary>
        [Fact]
        public void Square_result_has_haar_moments()
        {
            const int N = 400;
            manual_seed(9);
            using var t = empty(N, N, ScalarType.Float64);
            Initializers.orthogonal_(t);
            var stats = SampleStatistics.Of(SampleStatistics.Values(t));
            using var diagonal = t.diag();
            double diagonalMean = diagonal.mean().item<double>();
            output.WriteLine($"orthogonal_ {N}x{N}: entry mean {stats.Mean:E2}, entry variance·n {stats.Std * stats.Std * N:F5}, diagonal mean {diagonalMean:E2}");
            Assert.InRange(stats.Std * stats.Std * N, 1 - 1e-3, 1 + 1e-3);   // exact up to the mean's contribution
            Assert.InRange(Math.Abs(stats.Mean), 0, 5.0 / N);                // sd of the entry mean is ≈ 1/n^1.5
            Assert.InRange(Math.Abs(diagonalMean), 0, 5.0 / N);              // sd ≈ 1/n
        }
    }
}
