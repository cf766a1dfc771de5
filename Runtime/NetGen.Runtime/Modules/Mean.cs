using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// <c>x.mean(dims, keepdim)</c> as a module, which PyTorch and TorchSharp lack: a reduction a NetGen model can
    /// declare as a member or a child of a Sequential (<c>[Mean(2, 3)]</c>). It has no state.
    /// </summary>
    public sealed class Mean : nn.Module<Tensor, Tensor>
    {
        private readonly long[] _dims;
        private readonly bool _keepdim;

        /// <param name="dims">The dimensions to average over, counting the batch.</param>
        /// <param name="keepdim">Whether each reduced dimension stays, with size 1.</param>
        public Mean(long[] dims, bool keepdim = false)
            : base(nameof(Mean))
        {
            _dims = (long[])dims.Clone();
            _keepdim = keepdim;
        }

        /// <inheritdoc />
        public override Tensor forward(Tensor input) => input.mean(_dims, _keepdim);
    }
}
