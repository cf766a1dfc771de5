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
        public DropoutAttribute()
        {
        }

        /// <param name="p">The probability: a constant such as <c>0.2</c>, or a <c>double</c> hyperparameter or an
        /// expression over hyperparameters, such as <c>"p"</c> or <c>"p / 2"</c>.</param>
        public DropoutAttribute(object p) => P = p;

        public object P { get; } = 0.5;

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

    /// <summary><c>nn.Identity</c>: passes its input on unchanged.</summary>
    public sealed class IdentityAttribute : LayerAttribute
    {
    }

    /// <summary><c>nn.Dropout1d</c>: zeroes whole channels of a C×L sample.</summary>
    public sealed class Dropout1dAttribute : LayerAttribute
    {
        public Dropout1dAttribute(double p = 0.5) => P = p;

        public double P { get; }
        public bool Inplace { get; set; }
    }

    /// <summary><c>nn.Dropout2d</c>: zeroes whole channels of a C×H×W sample.</summary>
    public sealed class Dropout2dAttribute : LayerAttribute
    {
        public Dropout2dAttribute(double p = 0.5) => P = p;

        public double P { get; }
        public bool Inplace { get; set; }
    }

    /// <summary><c>nn.Unflatten</c>: splits dimension <see cref="Dim"/> (counting the batch) into <see cref="UnflattenedSize"/>.</summary>
    public sealed class UnflattenAttribute : LayerAttribute
    {
        public UnflattenAttribute(int dim, params int[] unflattenedSize)
        {
            Dim = dim;
            UnflattenedSize = unflattenedSize;
        }

        public int Dim { get; }
        public int[] UnflattenedSize { get; }
    }
}
