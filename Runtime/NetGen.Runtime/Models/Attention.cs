using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Batch-first attention for generated forwards. TorchSharp 0.107's attention modules take the sequence first
    /// (L×N×E) and have no <c>batch_first</c>; a NetGen sample is L×E behind the batch, so the batch and sequence
    /// dimensions are swapped around the call, as PyTorch's <c>batch_first=True</c> does.
    /// </summary>
    public static class Attention
    {
        /// <summary>Self-attention, <c>attention(x, x, x)[0]</c>; the attention weights are not computed.</summary>
        public static Tensor SelfAttention(MultiheadAttention attention, Tensor x)
        {
            using var sequenceFirst = x.transpose(0, 1);
            var result = attention.call(sequenceFirst, sequenceFirst, sequenceFirst, null!, false, null!);
            result.Item2?.Dispose();
            using var output = result.Item1;
            return output.transpose(0, 1);
        }

        /// <summary>A sequence-first module (such as TransformerEncoderLayer) run on a batch-first tensor.</summary>
        public static Tensor BatchFirst(nn.Module<Tensor, Tensor> module, Tensor x)
        {
            using var sequenceFirst = x.transpose(0, 1);
            using var output = module.call(sequenceFirst);
            return output.transpose(0, 1);
        }
    }
}
