using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen
{
    // The schemes that fill every element independently from one distribution. Each computes its
    // parameters in the same order of double operations as PyTorch's init.py, so the bounds round alike.
    public static partial class Initializers
    {
        /// <summary>Fills <paramref name="t"/> from U(<paramref name="a"/>, <paramref name="b"/>).</summary>
        public static Tensor uniform_(Tensor t, double a = 0, double b = 1)
        {
            RequireFloatingPoint(t, nameof(uniform_));
            RequireFinite(a, nameof(a), nameof(uniform_));
            RequireFinite(b, nameof(b), nameof(uniform_));
            if (a > b)
                throw new ArgumentException($"uniform_ needs a <= b, got a = {a}, b = {b}.", nameof(a));
            return NoGradUniform(t, a, b);
        }

        /// <summary>Fills <paramref name="t"/> from N(<paramref name="mean"/>, <paramref name="std"/>²).</summary>
        public static Tensor normal_(Tensor t, double mean = 0, double std = 1)
        {
            RequireFloatingPoint(t, nameof(normal_));
            RequireFinite(mean, nameof(mean), nameof(normal_));
            RequireFinite(std, nameof(std), nameof(normal_));
            if (std < 0)
                throw new ArgumentException($"normal_ needs std >= 0, got {std}.", nameof(std));
            return NoGradNormal(t, mean, std);
        }

        /// <summary>
        /// Fills <paramref name="t"/> from N(<paramref name="mean"/>, <paramref name="std"/>²) truncated to
        /// [<paramref name="a"/>, <paramref name="b"/>]: a true truncated normal, not a clamped one.
        /// </summary>
        /// <remarks>
        /// PyTorch's inverse-CDF method: draw u from U(2Φ(a')−1, 2Φ(b')−1), where a' and b' are the
        /// standardised bounds, so that erfinv(u)·√2 is a standard normal restricted to [a', b']; then scale,
        /// shift, and clamp only to absorb rounding at the ends. Like PyTorch's, it is accurate while the
        /// mean is within about two std of [a, b].
        /// </remarks>
        public static Tensor trunc_normal_(Tensor t, double mean = 0, double std = 1, double a = -2, double b = 2)
        {
            RequireFloatingPoint(t, nameof(trunc_normal_));
            RequireFinite(mean, nameof(mean), nameof(trunc_normal_));
            RequireFinite(std, nameof(std), nameof(trunc_normal_));
            RequireFinite(a, nameof(a), nameof(trunc_normal_));
            RequireFinite(b, nameof(b), nameof(trunc_normal_));
            if (std <= 0)
                throw new ArgumentException($"trunc_normal_ needs std > 0, got {std}.", nameof(std));
            if (a > b)
                throw new ArgumentException($"trunc_normal_ needs a <= b, got a = {a}, b = {b}.", nameof(a));

            double l = StandardNormal.Cdf((a - mean) / std);
            double u = StandardNormal.Cdf((b - mean) / std);
            using (no_grad())
            {
                t.uniform_(2 * l - 1, 2 * u - 1);
                t.erfinv_();
                using (var scale = (std * Math.Sqrt(2.0)).ToScalar())
                    t.mul_(scale);
                using (var shift = mean.ToScalar())
                    t.add_(shift);
                using var lo = a.ToScalar();
                using var hi = b.ToScalar();
                t.clamp_(lo, hi);
            }
            return t;
        }

        /// <summary>Glorot/Xavier uniform: U(−bound, bound), bound = gain·√(6 / (fan_in + fan_out)).</summary>
        public static Tensor xavier_uniform_(Tensor t, double gain = 1.0)
        {
            RequireFloatingPoint(t, nameof(xavier_uniform_));
            RequireFinite(gain, nameof(gain), nameof(xavier_uniform_));
            var (fanIn, fanOut) = calculate_fan_in_and_fan_out(t);
            if (t.numel() == 0) return t;
            double std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
            double bound = Math.Sqrt(3.0) * std;
            return NoGradUniform(t, -bound, bound);
        }

        /// <summary>
        /// Glorot/Xavier normal: N(0, std²), std = gain·√(2 / (fan_in + fan_out)). Draws from a normal
        /// distribution, unlike TorchSharp 0.107's <c>xavier_normal_</c>.
        /// </summary>
        public static Tensor xavier_normal_(Tensor t, double gain = 1.0)
        {
            RequireFloatingPoint(t, nameof(xavier_normal_));
            RequireFinite(gain, nameof(gain), nameof(xavier_normal_));
            var (fanIn, fanOut) = calculate_fan_in_and_fan_out(t);
            if (t.numel() == 0) return t;
            double std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
            return NoGradNormal(t, 0.0, std);
        }

        /// <summary>
        /// He/Kaiming uniform: U(−bound, bound), bound = gain·√(3 / fan), where fan is chosen by
        /// <paramref name="mode"/> and gain = calculate_gain(<paramref name="nonlinearity"/>, <paramref name="a"/>).
        /// </summary>
        public static Tensor kaiming_uniform_(Tensor t, double a = 0, FanMode mode = FanMode.FanIn,
            Nonlinearity nonlinearity = Nonlinearity.LeakyReLU)
        {
            RequireFloatingPoint(t, nameof(kaiming_uniform_));
            if (t.numel() == 0) return t;
            double std = KaimingStd(t, a, mode, nonlinearity);
            double bound = Math.Sqrt(3.0) * std;
            return NoGradUniform(t, -bound, bound);
        }

        /// <summary>
        /// He/Kaiming normal: N(0, std²), std = gain / √fan, where fan is chosen by <paramref name="mode"/>
        /// and gain = calculate_gain(<paramref name="nonlinearity"/>, <paramref name="a"/>).
        /// </summary>
        public static Tensor kaiming_normal_(Tensor t, double a = 0, FanMode mode = FanMode.FanIn,
            Nonlinearity nonlinearity = Nonlinearity.LeakyReLU)
        {
            RequireFloatingPoint(t, nameof(kaiming_normal_));
            if (t.numel() == 0) return t;
            return NoGradNormal(t, 0.0, KaimingStd(t, a, mode, nonlinearity));
        }

        private static double KaimingStd(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity)
        {
            long fan = CorrectFan(t, mode);
            double gain = calculate_gain(nonlinearity, a);
            return gain / Math.Sqrt(fan);
        }

        private static Tensor NoGradUniform(Tensor t, double a, double b)
        {
            using (no_grad())
                return t.uniform_(a, b);
        }

        private static Tensor NoGradNormal(Tensor t, double mean, double std)
        {
            using (no_grad())
                return t.normal_(mean, std);
        }
    }
}
