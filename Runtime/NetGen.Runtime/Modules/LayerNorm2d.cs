using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// torchvision's <c>models.convnext.LayerNorm2d</c>, which TorchSharp lacks: a LayerNorm over the channels of an
    /// N×C×H×W tensor (moved last, normalised, moved back). Its state is <c>weight</c> and <c>bias</c> of C, as PyTorch's.
    /// </summary>
    public sealed class LayerNorm2d : nn.Module<Tensor, Tensor>
    {
        private readonly long _channels;
        private readonly double _eps;

        // Registered by name, in PyTorch's order.
#pragma warning disable IDE1006 // The field names are the state-dict names.
        private readonly Parameter? weight;
        private readonly Parameter? bias;
#pragma warning restore IDE1006

        /// <summary>A norm over <paramref name="normalized_shape"/> channels (PyTorch's names and defaults).</summary>
        public LayerNorm2d(long normalized_shape, double eps = 1e-5, bool elementwise_affine = true)
            : base(nameof(LayerNorm2d))
        {
            _channels = normalized_shape;
            _eps = eps;
            if (elementwise_affine)
            {
                weight = new Parameter(ones(normalized_shape));
                bias = new Parameter(zeros(normalized_shape));
            }

            RegisterComponents();
        }

        /// <inheritdoc />
        public override Tensor forward(Tensor input)
        {
            using var channelsLast = input.permute(0, 2, 3, 1);
            using var normalised = nn.functional.layer_norm(channelsLast, new[] { _channels }, weight, bias, _eps);
            return normalised.permute(0, 3, 1, 2);
        }
    }
}
