namespace NetGen
{
    /// <summary><c>nn.ReLU</c> / <c>F.relu</c>.</summary>
    public sealed class ReLUAttribute : LayerAttribute
    {
        public bool Inplace { get; set; }
    }

    /// <summary><c>nn.ReLU6</c> / <c>F.relu6</c>.</summary>
    public sealed class ReLU6Attribute : LayerAttribute
    {
        public bool Inplace { get; set; }
    }

    /// <summary><c>nn.LeakyReLU</c> / <c>F.leaky_relu</c>.</summary>
    public sealed class LeakyReLUAttribute : LayerAttribute
    {
        public LeakyReLUAttribute(double negativeSlope = 0.01) => NegativeSlope = negativeSlope;

        public double NegativeSlope { get; }
        public bool Inplace { get; set; }
    }

    /// <summary><c>nn.GELU</c> / <c>F.gelu</c>.</summary>
    public sealed class GELUAttribute : LayerAttribute
    {
        /// <summary><c>"none"</c> or <c>"tanh"</c>.</summary>
        public string Approximate { get; set; } = "none";
    }

    /// <summary><c>nn.SiLU</c> / <c>F.silu</c>.</summary>
    public sealed class SiLUAttribute : LayerAttribute
    {
        public bool Inplace { get; set; }
    }

    /// <summary><c>nn.Sigmoid</c> / <c>torch.sigmoid</c>.</summary>
    public sealed class SigmoidAttribute : LayerAttribute
    {
    }

    /// <summary><c>nn.Tanh</c> / <c>torch.tanh</c>.</summary>
    public sealed class TanhAttribute : LayerAttribute
    {
    }

    /// <summary><c>nn.Softmax</c> / <c>F.softmax</c> along <see cref="Dim"/>.</summary>
    public sealed class SoftmaxAttribute : LayerAttribute
    {
        public SoftmaxAttribute(int dim) => Dim = dim;

        public int Dim { get; }
    }
}
