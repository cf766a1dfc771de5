using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen
{
    // The deterministic schemes: constants and the identity-preserving eye and dirac.
    public static partial class Initializers
    {
        /// <summary>Fills <paramref name="t"/> with <paramref name="val"/>.</summary>
        public static Tensor constant_(Tensor t, double val)
        {
            RequireTensor(t, nameof(t));
            using (no_grad())
            using (var value = val.ToScalar())
                return t.fill_(value);
        }

        /// <summary>Fills <paramref name="t"/> with 0.</summary>
        public static Tensor zeros_(Tensor t)
        {
            RequireTensor(t, nameof(t));
            using (no_grad())
                return t.zero_();
        }

        /// <summary>Fills <paramref name="t"/> with 1.</summary>
        public static Tensor ones_(Tensor t) => constant_(t, 1.0);

        /// <summary>
        /// Fills the 2-D <paramref name="t"/> with the identity matrix (ones on the main diagonal of a
        /// possibly rectangular matrix), so a Linear layer passes through as many inputs as it can.
        /// </summary>
        public static Tensor eye_(Tensor t)
        {
            RequireTensor(t, nameof(t));
            if (t.dim() != 2)
                throw new ArgumentException($"eye_ needs a 2-D tensor, got shape {Shape(t)}.", nameof(t));
            using (no_grad())
            using (var identity = eye(t.shape[0], t.shape[1], t.dtype, t.device))
                return t.copy_(identity);
        }

        /// <summary>
        /// Fills the 3-, 4- or 5-D convolution weight <paramref name="t"/> with the Dirac delta: within each of
        /// the <paramref name="groups"/> groups, output channel d copies input channel d at the kernel's centre
        /// (index size/2 on every spatial dim), for as many channels as both sides have.
        /// </summary>
        public static Tensor dirac_(Tensor t, int groups = 1)
        {
            RequireTensor(t, nameof(t));
            long dims = t.dim();
            if (dims < 3 || dims > 5)
                throw new ArgumentException($"dirac_ needs a 3-, 4- or 5-D tensor, got shape {Shape(t)}.", nameof(t));
            if (groups < 1)
                throw new ArgumentException($"dirac_ needs groups >= 1, got {groups}.", nameof(groups));
            long[] shape = t.shape;
            if (shape[0] % groups != 0)
                throw new ArgumentException(
                    $"dirac_: dim 0 of shape {Shape(t)} must be divisible by groups = {groups}.", nameof(groups));

            long outPerGroup = shape[0] / groups;
            long channels = Math.Min(outPerGroup, shape[1]);
            var index = new long[dims];
            for (int i = 2; i < dims; i++)
                index[i] = shape[i] / 2;

            using (no_grad())
            {
                t.zero_();
                using var one = 1.0.ToScalar();
                for (long g = 0; g < groups; g++)
                {
                    for (long d = 0; d < channels; d++)
                    {
                        index[0] = g * outPerGroup + d;
                        index[1] = d;
                        using var element = t[index];
                        element.fill_(one);
                    }
                }
            }
            return t;
        }
    }
}
