using System;
using static TorchSharp.torch;

namespace NetGen
{
    // The two numbers the Xavier and Kaiming schemes are scaled by: the gain of the nonlinearity and the fans.
    public static partial class Initializers
    {
        /// <summary>
        /// PyTorch's recommended gain for <paramref name="nonlinearity"/>: 1 for linear, every convolution and
        /// sigmoid; 5/3 for tanh; √2 for relu; √(2 / (1 + slope²)) for leaky_relu, where the slope is
        /// <paramref name="param"/> or 0.01 when it is null; 3/4 for selu. Other nonlinearities ignore
        /// <paramref name="param"/>.
        /// </summary>
        public static double calculate_gain(Nonlinearity nonlinearity, double? param = null)
        {
            switch (nonlinearity)
            {
                case Nonlinearity.Linear:
                case Nonlinearity.Conv1d:
                case Nonlinearity.Conv2d:
                case Nonlinearity.Conv3d:
                case Nonlinearity.ConvTranspose1d:
                case Nonlinearity.ConvTranspose2d:
                case Nonlinearity.ConvTranspose3d:
                case Nonlinearity.Sigmoid:
                    return 1.0;
                case Nonlinearity.Tanh:
                    return 5.0 / 3;
                case Nonlinearity.ReLU:
                    return Math.Sqrt(2.0);
                case Nonlinearity.LeakyReLU:
                    double slope = param ?? 0.01;
                    RequireFinite(slope, nameof(param), "calculate_gain(LeakyReLU)");
                    return Math.Sqrt(2.0 / (1 + slope * slope));
                case Nonlinearity.SELU:
                    // PyTorch's empirical value (pytorch/pytorch#50664).
                    return 3.0 / 4;
                default:
                    throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity, "Unsupported nonlinearity.");
            }
        }

        /// <summary>
        /// PyTorch's <c>_calculate_fan_in_and_fan_out</c>: dim 1 gives fan-in and dim 0 fan-out, each times
        /// the receptive field (the product of the dims after the first two).
        /// </summary>
        /// <remarks>
        /// Like PyTorch, this does not special-case transposed convolutions, whose weights are laid out
        /// [in, out/groups, k…]: for them "fan-in" is out/groups·k and "fan-out" is in·k. Keeping PyTorch's
        /// rule is what makes NetGen's Kaiming and Xavier bounds equal to PyTorch's for those layers.
        /// </remarks>
        public static (long FanIn, long FanOut) calculate_fan_in_and_fan_out(Tensor t)
        {
            RequireTensor(t, nameof(t));
            if (t.dim() < 2)
                throw new ArgumentException(
                    $"Fan in and fan out can not be computed for a tensor with fewer than 2 dimensions, got shape {Shape(t)}.",
                    nameof(t));
            long[] shape = t.shape;
            long receptiveField = 1;
            for (int i = 2; i < shape.Length; i++)
                receptiveField *= shape[i];
            return (shape[1] * receptiveField, shape[0] * receptiveField);
        }

        private static long CorrectFan(Tensor t, FanMode mode)
        {
            var (fanIn, fanOut) = calculate_fan_in_and_fan_out(t);
            return mode switch
            {
                FanMode.FanIn => fanIn,
                FanMode.FanOut => fanOut,
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Mode must be FanIn or FanOut."),
            };
        }
    }
}
