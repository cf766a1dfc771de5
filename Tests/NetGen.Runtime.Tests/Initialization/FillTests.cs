using System;
using System.Linq;
using NetGen.Runtime.Tests.Initialization.Support;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Initialization
{
    /// <summary>The deterministic schemes give exactly the structure PyTorch documents, element by element.</summary>
    public sealed class FillTests
    {
        [Fact]
        public void Constant_zeros_and_ones_fill_every_element()
        {
            using var t = empty(3, 4, 5);
            Assert.All(SampleStatistics.Values(Initializers.constant_(t, 0.25)), v => Assert.Equal(0.25, v));
            Assert.All(SampleStatistics.Values(Initializers.ones_(t)), v => Assert.Equal(1.0, v));
            Assert.All(SampleStatistics.Values(Initializers.zeros_(t)), v => Assert.Equal(0.0, v));
        }

        [Theory]
        [InlineData(4, 4)]
        [InlineData(3, 5)]   // wide: ones at (i, i) for i < 3
        [InlineData(6, 2)]   // tall: ones at (i, i) for i < 2
        public void Eye_puts_ones_on_the_main_diagonal_only(int rows, int cols)
        {
            using var t = full(rows, cols, 7.0f);
            Initializers.eye_(t);
            double[] v = SampleStatistics.Values(t);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                    Assert.Equal(i == j ? 1.0 : 0.0, v[i * cols + j]);
        }

        [Theory]
        [InlineData(new long[] { 4, 4, 3 }, 1)]          // Conv1d, square
        [InlineData(new long[] { 6, 4, 3, 3 }, 1)]       // Conv2d, more outputs than inputs: outputs 4, 5 stay zero
        [InlineData(new long[] { 3, 5, 3, 5 }, 1)]       // fewer outputs than inputs; even width 4 → centre 2
        [InlineData(new long[] { 8, 2, 3, 3 }, 4)]       // grouped: each group of 2 outputs copies its 2 inputs
        [InlineData(new long[] { 6, 1, 5 }, 6)]          // depthwise
        [InlineData(new long[] { 4, 2, 3, 4, 2 }, 2)]    // Conv3d, grouped; centres (1, 2, 1)
        public void Dirac_puts_one_at_the_kernel_centre_of_each_preserved_channel(long[] shape, int groups)
        {
            using var t = full(shape, 7.0f);
            Initializers.dirac_(t, groups);
            double[] v = SampleStatistics.Values(t);

            long outPerGroup = shape[0] / groups;
            long kernel = shape.Skip(2).Aggregate(1L, (a, b) => a * b);
            long centre = 0;
            for (int i = 2; i < shape.Length; i++)
                centre = centre * shape[i] + shape[i] / 2;     // flat offset of the centre inside one kernel

            for (long o = 0; o < shape[0]; o++)
                for (long c = 0; c < shape[1]; c++)
                    for (long k = 0; k < kernel; k++)
                    {
                        bool preserved = o % outPerGroup == c && c < Math.Min(outPerGroup, shape[1]);
                        double expected = preserved && k == centre ? 1.0 : 0.0;
                        Assert.True(expected == v[(o * shape[1] + c) * kernel + k],
                            $"[{o}, {c}, kernel offset {k}] = {v[(o * shape[1] + c) * kernel + k]}, expected {expected}");
                    }
        }

        [Fact]
        public void Dirac_weight_makes_a_conv_an_identity()
        {
            using var conv = nn.Conv2d(3, 3, 3, padding: 1, bias: false);
            Initializers.dirac_(conv.weight!);
            using var x = rand(2, 3, 8, 8);
            using var y = conv.forward(x);
            // A tolerance, not equality: the backend may use a transformed (e.g. Winograd) algorithm.
            Assert.True(y.allclose(x, rtol: 0, atol: 1e-6));
        }

        [Fact]
        public void Eye_weight_makes_a_linear_an_identity()
        {
            using var linear = nn.Linear(5, 5, hasBias: false);
            Initializers.eye_(linear.weight!);
            using var x = rand(4, 5);
            using var y = linear.forward(x);
            Assert.True(y.allclose(x, rtol: 0, atol: 1e-6));
        }
    }
}
