using System;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// torchvision's <c>ops.StochasticDepth</c>, which TorchSharp lacks: while training, drops whole rows (samples) or
    /// the whole batch with probability <c>p</c> and scales the survivors by 1/(1 − p); in eval mode it is the identity.
    /// </summary>
    public sealed class StochasticDepth : nn.Module<Tensor, Tensor>
    {
        private readonly double _p;
        private readonly string _mode;

        /// <summary>Drops with probability <paramref name="p"/> per <c>"row"</c> (sample) or per <c>"batch"</c>.</summary>
        public StochasticDepth(double p, string mode)
            : base(nameof(StochasticDepth))
        {
            Check(p, mode);
            _p = p;
            _mode = mode;
        }

        /// <summary>The drop probability while training.</summary>
        public double P => _p;

        /// <summary><c>"row"</c> (per sample) or <c>"batch"</c>.</summary>
        public string Mode => _mode;

        /// <inheritdoc />
        public override Tensor forward(Tensor input) => Apply(input, _p, _mode, training);

        /// <summary><c>torchvision.ops.stochastic_depth</c>: <paramref name="mode"/> is <c>"row"</c> or <c>"batch"</c>.</summary>
        public static Tensor Apply(Tensor input, double p, string mode, bool training)
        {
            Check(p, mode);
            if (!training || p == 0.0)
            {
                return input.alias();
            }

            var survival = 1.0 - p;
            var size = mode == "row"
                ? new[] { input.shape[0] }.Concat(Enumerable.Repeat(1L, (int)input.dim() - 1)).ToArray()
                : Enumerable.Repeat(1L, (int)input.dim()).ToArray();
            using var noise = empty(size, input.dtype, input.device).bernoulli_(survival);
            if (survival > 0.0)
            {
                noise.div_(survival);
            }

            return input * noise;
        }

        private static void Check(double p, string mode)
        {
            if (!(p >= 0.0 && p <= 1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(p), p, "drop probability has to be between 0 and 1");
            }

            if (mode is not ("row" or "batch"))
            {
                throw new ArgumentException($"mode has to be either 'batch' or 'row', but got {mode}", nameof(mode));
            }
        }
    }
}
