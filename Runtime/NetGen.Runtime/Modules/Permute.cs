using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>torchvision's <c>ops.Permute</c>, which TorchSharp lacks: <c>x.permute(dims)</c>, the dims counting the batch.</summary>
    public sealed class Permute : nn.Module<Tensor, Tensor>
    {
        private readonly long[] _dims;

        /// <summary>A permutation of every dimension, the batch included.</summary>
        public Permute(params long[] dims)
            : base(nameof(Permute)) => _dims = (long[])dims.Clone();

        /// <inheritdoc />
        public override Tensor forward(Tensor input) => input.permute(_dims);
    }
}
