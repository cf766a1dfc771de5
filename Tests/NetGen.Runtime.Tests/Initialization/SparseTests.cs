using System;
using System.Linq;
using NetGen.Runtime.Tests.Initialization.Support;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Initialization
{
    [Collection(GlobalGeneratorCollection.Name)]
    public sealed class SparseTests(ITestOutputHelper output)
    {
        [Theory]
        [InlineData(10, 7, 0.1)]    // ⌈1.0⌉ = 1 zero per column
        [InlineData(10, 7, 0.25)]   // ⌈2.5⌉ = 3: rounds up, as PyTorch's math.ceil does
        [InlineData(33, 5, 0.5)]    // ⌈16.5⌉ = 17
        [InlineData(8, 3, 0.0)]     // none
        [InlineData(8, 3, 1.0)]     // all
        public void Every_column_has_exactly_ceil_sparsity_times_rows_zeros(int rows, int cols, double sparsity)
        {
            manual_seed(5);
            using var t = empty(rows, cols);
            Initializers.sparse_(t, sparsity, std: 1.0);
            int expected = (int)Math.Ceiling(sparsity * rows);
            // 0L, not 0: a literal int 0 converts to the ScalarType enum and picks TorchSharp's sum(ScalarType?)
            // overload, which sums everything as Byte.
            using var zeros = t.eq(0).sum(0L);
            long[] perColumn = zeros.data<long>().ToArray();
            Assert.All(perColumn, z => Assert.Equal(expected, z));
        }

        [Fact]
        public void Non_zero_entries_are_normal_with_the_given_std()
        {
            // 700 non-zeros in each of 200 columns: 140k samples of N(0, 0.05²).
            const double Std = 0.05;
            manual_seed(5);
            using var t = empty(1000, 200);
            Initializers.sparse_(t, 0.3, Std);
            double[] x = SampleStatistics.Values(t).Where(v => v != 0).ToArray();
            Assert.Equal(700 * 200, x.Length);

            var target = TargetDistribution.Normal(0, Std);
            var stats = SampleStatistics.Of(x);
            double d = KolmogorovSmirnov.Statistic(x, target.Cdf);
            double critical = KolmogorovSmirnov.Critical001(x.Length);
            output.WriteLine($"sparse_ non-zeros: n = {x.Length}, mean {stats.Mean:G4}, std {stats.Std:G5}, KS D = {d:F5} < {critical:F5}");
            stats.AssertMoments(target);
            stats.AssertBounds(target);
            Assert.True(d < critical, $"KS D = {d:F5}");
        }

        [Fact]
        public void Zeroed_rows_differ_between_columns()
        {
            // Each column draws its own permutation, so the zero patterns are not one row mask repeated.
            manual_seed(5);
            using var t = empty(50, 20);
            Initializers.sparse_(t, 0.2);
            using var mask = t.eq(0).t().contiguous();
            bool[] flat = mask.data<bool>().ToArray();
            var patterns = Enumerable.Range(0, 20).Select(c => string.Concat(flat.Skip(c * 50).Take(50).Select(b => b ? '0' : 'x'))).Distinct();
            Assert.True(patterns.Count() > 1);
        }
    }
}
