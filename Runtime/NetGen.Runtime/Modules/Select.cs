using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// <c>x.select(dim, index)</c> as a module, which PyTorch and TorchSharp lack: <c>[Select(1, 0)]</c> is <c>x[:, 0]</c>,
    /// a vision transformer's class token. It has no state.
    /// </summary>
    public sealed class Select : nn.Module<Tensor, Tensor>
    {
        private readonly long _dim;
        private readonly long _index;

        /// <param name="dim">The dimension that goes, counting the batch.</param>
        /// <param name="index">The position kept along it; negative counts from the end.</param>
        public Select(long dim, long index)
            : base(nameof(Select))
        {
            _dim = dim;
            _index = index;
        }

        /// <inheritdoc />
        public override Tensor forward(Tensor input) => input.select(_dim, _index);
    }
}
