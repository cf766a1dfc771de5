using System;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// NetGen's <c>torch.nn.init</c>: the same schemes, names, defaults and formulas as PyTorch's, each
    /// filling a tensor in place under <c>no_grad</c> and returning it.
    /// </summary>
    /// <remarks>
    /// All randomness is drawn from TorchSharp's global generator with the same calls in the same order
    /// as PyTorch, so <c>torch.manual_seed(s)</c> makes every scheme deterministic. NetGen does not call
    /// TorchSharp 0.107's own <c>torch.nn.init</c>, whose <c>xavier_normal_</c> draws from a uniform
    /// distribution and whose <c>trunc_normal_</c> returns a constant (see the tests that prove both).
    /// A tensor with no elements is returned untouched (after the rank checks a scheme makes).
    /// </remarks>
    public static partial class Initializers
    {
        private static void RequireTensor(Tensor t, string paramName)
        {
            ArgumentNullException.ThrowIfNull(t, paramName);
        }

        // Random schemes need a floating-point tensor; libtorch would fail later with a less useful message.
        private static void RequireFloatingPoint(Tensor t, string scheme)
        {
            RequireTensor(t, "t");
            if (!t.is_floating_point())
                throw new ArgumentException($"{scheme} needs a floating-point tensor, got {t.dtype} {Shape(t)}.", "t");
        }

        private static void RequireFinite(double value, string paramName, string scheme)
        {
            if (!double.IsFinite(value))
                throw new ArgumentException($"{scheme}: {paramName} must be a finite number, got {value}.", paramName);
        }

        private static string Shape(Tensor t) => "[" + string.Join(", ", t.shape.Select(d => d.ToString())) + "]";
    }
}
