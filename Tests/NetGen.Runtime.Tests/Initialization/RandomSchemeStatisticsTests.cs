using System;
using System.Collections.Generic;
using NetGen.Runtime.Tests.Initialization.Support;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Initialization
{
    /// <summary>
    /// Every random scheme, on at least 100k samples: mean, std and range match PyTorch's documented formulas,
    /// and a Kolmogorov–Smirnov test against the target distribution passes at α = 0.001. The expected
    /// parameters are written out from the formulas here, not taken from NetGen's code.
    /// </summary>
    [Collection(GlobalGeneratorCollection.Name)]
    public sealed class RandomSchemeStatisticsTests(ITestOutputHelper output)
    {
        private sealed record Case(long[] Shape, Action<Tensor> Init, TargetDistribution Target);

        private static readonly double Sqrt2 = Math.Sqrt(2);

        private static readonly Dictionary<string, Case> Cases = new()
        {
            // Conv weight [out, in, kh, kw]: fan_in = 250·4 = 1000, fan_out = 100·4 = 400.
            ["xavier_uniform gain 1.5, conv [100,250,2,2]"] = new([100, 250, 2, 2],
                t => Initializers.xavier_uniform_(t, 1.5), Bound(1.5 * Math.Sqrt(6.0 / (1000 + 400)))),
            // Linear weight [out, in]: fan_in = 256, fan_out = 400.
            ["xavier_normal gain 1, linear [400,256]"] = new([400, 256],
                t => Initializers.xavier_normal_(t), TargetDistribution.Normal(0, Math.Sqrt(2.0 / (256 + 400)))),
            // Conv1d weight: fan_in = 40·50 = 2000, fan_out = 50·50 = 2500.
            ["xavier_normal gain 5/3, conv1d [50,40,50]"] = new([50, 40, 50],
                t => Initializers.xavier_normal_(t, 5.0 / 3), TargetDistribution.Normal(0, 5.0 / 3 * Math.Sqrt(2.0 / (2000 + 2500)))),
            // Defaults: a = 0 with leaky_relu gives gain √2; fan_in = 400.
            ["kaiming_uniform defaults, linear [256,400]"] = new([256, 400],
                t => Initializers.kaiming_uniform_(t), Bound(Sqrt2 * Math.Sqrt(3.0 / 400))),
            // PyTorch's own Linear default: a = √5 gives gain √(1/3), so the bound is 1/√fan_in.
            ["kaiming_uniform a=√5 (nn.Linear default), linear [320,320]"] = new([320, 320],
                t => Initializers.kaiming_uniform_(t, Math.Sqrt(5)), Bound(1 / Math.Sqrt(320))),
            // fan_out = 64·49 = 3136.
            ["kaiming_uniform fan_out relu, conv [64,32,7,7]"] = new([64, 32, 7, 7],
                t => Initializers.kaiming_uniform_(t, 0, FanMode.FanOut, Nonlinearity.ReLU), Bound(Sqrt2 * Math.Sqrt(3.0 / 3136))),
            ["kaiming_normal defaults, linear [400,256]"] = new([400, 256],
                t => Initializers.kaiming_normal_(t), TargetDistribution.Normal(0, Sqrt2 / Math.Sqrt(256))),
            // fan_out = 128·49 = 6272.
            ["kaiming_normal fan_out relu, conv [128,16,7,7]"] = new([128, 16, 7, 7],
                t => Initializers.kaiming_normal_(t, 0, FanMode.FanOut, Nonlinearity.ReLU), TargetDistribution.Normal(0, Sqrt2 / Math.Sqrt(6272))),
            // ConvTranspose2d(16 → 64, k10) weight [in, out, k, k]; PyTorch's fan_in is dim 1 · 100 = 6400.
            ["kaiming_normal a=0.2, conv_transpose layout [16,64,10,10]"] = new([16, 64, 10, 10],
                t => Initializers.kaiming_normal_(t, 0.2), TargetDistribution.Normal(0, Math.Sqrt(2 / (1 + 0.04)) / Math.Sqrt(6400))),
            ["kaiming_normal tanh fan_in, linear [200,500]"] = new([200, 500],
                t => Initializers.kaiming_normal_(t, 0, FanMode.FanIn, Nonlinearity.Tanh), TargetDistribution.Normal(0, 5.0 / 3 / Math.Sqrt(500))),
            ["uniform(-0.3, 0.7), [100000]"] = new([100_000],
                t => Initializers.uniform_(t, -0.3, 0.7), TargetDistribution.Uniform(-0.3, 0.7)),
            ["uniform defaults, [400,250]"] = new([400, 250],
                t => Initializers.uniform_(t), TargetDistribution.Uniform(0, 1)),
            ["normal(0.5, 2), [1000,100]"] = new([1000, 100],
                t => Initializers.normal_(t, 0.5, 2), TargetDistribution.Normal(0.5, 2)),
            // The seed's Linear scheme.
            ["normal(0, 0.01), linear [256,400]"] = new([256, 400],
                t => Initializers.normal_(t, 0, 0.01), TargetDistribution.Normal(0, 0.01)),
            ["trunc_normal defaults, [100000]"] = new([100_000],
                t => Initializers.trunc_normal_(t), TargetDistribution.TruncatedNormal(0, 1, -2, 2)),
            // The mean sits right of the centre of [a, b], so the truncation is asymmetric.
            ["trunc_normal(0.5, 2, -3, 1), [400,250]"] = new([400, 250],
                t => Initializers.trunc_normal_(t, 0.5, 2, -3, 1), TargetDistribution.TruncatedNormal(0.5, 2, -3, 1)),
            // The ViT convention: std 0.02 cut at ±2 std.
            ["trunc_normal(0, 0.02, -0.04, 0.04), [100000]"] = new([100_000],
                t => Initializers.trunc_normal_(t, 0, 0.02, -0.04, 0.04), TargetDistribution.TruncatedNormal(0, 0.02, -0.04, 0.04)),
            ["trunc_normal(1, 1, 0, 5), [100000]"] = new([100_000],
                t => Initializers.trunc_normal_(t, 1, 1, 0, 5), TargetDistribution.TruncatedNormal(1, 1, 0, 5)),
        };

        public static IEnumerable<object[]> CaseNames()
        {
            foreach (var name in Cases.Keys)
                yield return new object[] { name };
        }

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Scheme_matches_its_target_distribution(string name)
        {
            var c = Cases[name];
            manual_seed(SeedOf(name));
            using var t = empty(c.Shape);
            c.Init(t);
            double[] x = SampleStatistics.Values(t);
            Assert.True(x.Length >= 100_000, $"{name}: only {x.Length} samples");

            var stats = SampleStatistics.Of(x);
            double d = KolmogorovSmirnov.Statistic(x, c.Target.Cdf);
            double critical = KolmogorovSmirnov.Critical001(x.Length);
            output.WriteLine($"{name}: n = {x.Length}, mean {stats.Mean:G5} (target {c.Target.Mean:G5}), " +
                             $"std {stats.Std:G5} (target {c.Target.Std:G5}), range [{stats.Min:G5}, {stats.Max:G5}], " +
                             $"KS D = {d:F5} < {critical:F5}");

            stats.AssertMoments(c.Target);
            stats.AssertBounds(c.Target);
            Assert.True(d < critical, $"{name}: KS D = {d:F5} rejects {c.Target} at α = 0.001 (critical {critical:F5})");
        }

        // A distinct, stable seed per case (FNV-1a of its name), so the cases do not all test one underlying
        // uniform stream through different monotone transforms.
        private static long SeedOf(string name)
        {
            uint hash = 2166136261;
            foreach (char ch in name)
                hash = (hash ^ ch) * 16777619;
            return hash;
        }

        private static TargetDistribution Bound(double bound) => TargetDistribution.Uniform(-bound, bound);
    }
}
