using System;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Applies an <see cref="InitSpec"/> to one layer's parameters in place. The generated
    /// <c>init_weights()</c> calls it once per layer with the layer's own parameter objects, so nothing is
    /// copied, replaced or looked up by reflection, and <c>requires_grad</c> is kept.
    /// </summary>
    public static class InitApplier
    {
        /// <summary>
        /// Initialises <paramref name="weight"/> by <see cref="InitSpec.Weight"/>, then
        /// <paramref name="bias"/> by <see cref="InitSpec.Bias"/>. A null parameter (a layer built without
        /// bias, or a norm layer without affine weights) and a <see cref="InitKind.Default"/> kind are skipped,
        /// so a per-type rule can name a bias scheme for layers that may not have one.
        /// </summary>
        public static void Apply(Tensor? weight, Tensor? bias, in InitSpec spec)
        {
            if (weight is not null)
                ApplyWeight(weight, spec);
            if (bias is not null)
                ApplyBias(bias, spec);
        }

        private static void ApplyWeight(Tensor w, in InitSpec s)
        {
            switch (s.Weight)
            {
                case InitKind.Default: return;
                case InitKind.XavierUniform: Initializers.xavier_uniform_(w, Or(s.Gain, 1.0)); return;
                case InitKind.XavierNormal: Initializers.xavier_normal_(w, Or(s.Gain, 1.0)); return;
                case InitKind.KaimingUniform: Initializers.kaiming_uniform_(w, Or(s.A, 0.0), s.Mode, s.Nonlinearity); return;
                case InitKind.KaimingNormal: Initializers.kaiming_normal_(w, Or(s.A, 0.0), s.Mode, s.Nonlinearity); return;
                case InitKind.Uniform: Initializers.uniform_(w, Or(s.A, 0.0), Or(s.B, 1.0)); return;
                case InitKind.Normal: Initializers.normal_(w, Or(s.Mean, 0.0), Or(s.Std, 1.0)); return;
                case InitKind.TruncNormal:
                    Initializers.trunc_normal_(w, Or(s.Mean, 0.0), Or(s.Std, 1.0), Or(s.A, -2.0), Or(s.B, 2.0));
                    return;
                case InitKind.Constant: Initializers.constant_(w, Required(s.Value, "Value", InitKind.Constant)); return;
                case InitKind.Zeros: Initializers.zeros_(w); return;
                case InitKind.Ones: Initializers.ones_(w); return;
                case InitKind.Eye: Initializers.eye_(w); return;
                case InitKind.Dirac: Initializers.dirac_(w, s.Groups); return;
                case InitKind.Orthogonal: Initializers.orthogonal_(w, Or(s.Gain, 1.0)); return;
                case InitKind.Sparse:
                    Initializers.sparse_(w, Required(s.Sparsity, "Sparsity", InitKind.Sparse), Or(s.Std, 0.01));
                    return;
                default:
                    throw new ArgumentOutOfRangeException("spec", s.Weight, "Unknown weight init kind.");
            }
        }

        // A bias is one-dimensional, so only the constant schemes apply; the weight's numeric arguments
        // (mean, std, bounds) describe the weight and are deliberately not reused here.
        private static void ApplyBias(Tensor b, in InitSpec s)
        {
            switch (s.Bias)
            {
                case InitKind.Default: return;
                case InitKind.Zeros: Initializers.zeros_(b); return;
                case InitKind.Ones: Initializers.ones_(b); return;
                case InitKind.Constant: Initializers.constant_(b, s.BiasValue); return;
                default:
                    throw new ArgumentException(
                        $"A bias can be initialised with Default, Zeros, Ones or Constant (with BiasValue), not {s.Bias}.",
                        "spec");
            }
        }

        private static double Or(double value, double schemeDefault) => double.IsNaN(value) ? schemeDefault : value;

        private static double Required(double value, string name, InitKind kind) =>
            double.IsNaN(value)
                ? throw new ArgumentException($"InitKind.{kind} needs {name} to be set.", name)
                : value;
    }
}
