namespace NetGen
{
    /// <summary>
    /// <c>nn.MultiheadAttention(..., batch_first=True)</c> used as self-attention: the forward computes
    /// <c>attention(x, x, x)[0]</c> on an L×E sample.
    /// </summary>
    public sealed class MultiheadAttentionAttribute : LayerAttribute
    {
        public MultiheadAttentionAttribute(object embedDim, object numHeads)
        {
            EmbedDim = embedDim;
            NumHeads = numHeads;
        }

        public object EmbedDim { get; }
        public object NumHeads { get; }
        /// <summary>Dropout on the attention weights: a number, or the name of a <c>double</c> hyperparameter.</summary>
        public object Dropout { get; set; } = 0.0;
        public bool Bias { get; set; } = true;
        public bool AddBiasKv { get; set; }
        public bool AddZeroAttn { get; set; }
    }

    /// <summary>
    /// <c>nn.TransformerEncoderLayer(..., batch_first=True)</c> (post-norm, as PyTorch's default) on an L×E sample.
    /// TorchSharp 0.107 has no <c>layer_norm_eps</c> or <c>norm_first</c>, so neither is offered.
    /// </summary>
    public sealed class TransformerEncoderLayerAttribute : LayerAttribute
    {
        public TransformerEncoderLayerAttribute(object dModel, object nhead)
        {
            DModel = dModel;
            Nhead = nhead;
        }

        public object DModel { get; }
        public object Nhead { get; }
        public object DimFeedforward { get; set; } = 2048;
        /// <summary>A number, or the name of a <c>double</c> hyperparameter.</summary>
        public object Dropout { get; set; } = 0.1;
        /// <summary><c>"relu"</c> or <c>"gelu"</c>.</summary>
        public string Activation { get; set; } = "relu";
    }
}
