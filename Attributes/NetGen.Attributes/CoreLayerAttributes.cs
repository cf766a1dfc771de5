namespace NetGen
{
    /// <summary><c>nn.Linear</c>. Omit <c>inFeatures</c> to infer it from the incoming shape.</summary>
    public sealed class LinearAttribute : LayerAttribute
    {
        public LinearAttribute(object inFeatures, object outFeatures)
        {
            InFeatures = inFeatures;
            OutFeatures = outFeatures;
        }

        public LinearAttribute(object outFeatures) => OutFeatures = outFeatures;

        public object? InFeatures { get; }
        public object OutFeatures { get; }
        public object Bias { get; set; } = true;
    }

    /// <summary><c>nn.Dropout</c>.</summary>
    public sealed class DropoutAttribute : LayerAttribute
    {
        public DropoutAttribute(double p = 0.5) => P = p;

        /// <summary>The probability as a <c>double</c> hyperparameter or an expression, e.g. <c>"p"</c> or <c>"p / 2"</c>.</summary>
        public DropoutAttribute(string p) => PExpression = p;

        public double P { get; }

        /// <summary>The hyperparameter or expression given instead of a constant probability, else null.</summary>
        public string? PExpression { get; }

        public bool Inplace { get; set; }
    }

    /// <summary><c>nn.Flatten</c>; as a functional op it is <c>torch.flatten(x, StartDim, EndDim)</c>.</summary>
    public sealed class FlattenAttribute : LayerAttribute
    {
        public int StartDim { get; set; } = 1;
        public int EndDim { get; set; } = -1;
    }

    /// <summary><c>nn.Embedding</c>.</summary>
    public sealed class EmbeddingAttribute : LayerAttribute
    {
        public EmbeddingAttribute(object numEmbeddings, object embeddingDim)
        {
            NumEmbeddings = numEmbeddings;
            EmbeddingDim = embeddingDim;
        }

        public object NumEmbeddings { get; }
        public object EmbeddingDim { get; }
        /// <summary>The padding index, or <c>null</c> for none.</summary>
        public object? PaddingIdx { get; set; }
    }
}
