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

    /// <summary><c>nn.Hardswish</c> / <c>F.hardswish</c>.</summary>
    public sealed class HardswishAttribute : LayerAttribute
    {
        public bool Inplace { get; set; }
    }

    /// <summary><c>nn.Hardsigmoid</c> / <c>F.hardsigmoid</c>.</summary>
    public sealed class HardsigmoidAttribute : LayerAttribute
    {
        public bool Inplace { get; set; }
    }

    /// <summary><c>nn.ELU</c> / <c>F.elu</c>.</summary>
    public sealed class ELUAttribute : LayerAttribute
    {
        public ELUAttribute(double alpha = 1.0) => Alpha = alpha;

        public double Alpha { get; }
        public bool Inplace { get; set; }
    }

    /// <summary><c>nn.SELU</c> / <c>F.selu</c>.</summary>
    public sealed class SELUAttribute : LayerAttribute
    {
        public bool Inplace { get; set; }
    }

    /// <summary><c>nn.Mish</c> / <c>F.mish</c>.</summary>
    public sealed class MishAttribute : LayerAttribute
    {
        public bool Inplace { get; set; }
    }

    /// <summary><c>nn.Softplus</c> / <c>F.softplus</c>.</summary>
    public sealed class SoftplusAttribute : LayerAttribute
    {
        public SoftplusAttribute(double beta = 1.0, double threshold = 20.0)
        {
            Beta = beta;
            Threshold = threshold;
        }

        public double Beta { get; }
        public double Threshold { get; }
    }

    /// <summary><c>nn.LogSoftmax</c> / <c>F.log_softmax</c> along <see cref="Dim"/>.</summary>
    public sealed class LogSoftmaxAttribute : LayerAttribute
    {
        public LogSoftmaxAttribute(int dim) => Dim = dim;

        public int Dim { get; }
    }

    /// <summary><c>nn.PReLU</c>: a learnable slope, one for all channels or one per channel.</summary>
    public sealed class PReLUAttribute : LayerAttribute
    {
        /// <summary>1, or the number of channels.</summary>
        public object NumParameters { get; set; } = 1;
        public double Init { get; set; } = 0.25;
    }

    /// <summary><c>nn.Hardtanh</c> / <c>F.hardtanh</c>: clamps to [<see cref="MinVal"/>, <see cref="MaxVal"/>].</summary>
    public sealed class HardtanhAttribute : LayerAttribute
    {
        public HardtanhAttribute(double minVal = -1.0, double maxVal = 1.0)
        {
            MinVal = minVal;
            MaxVal = maxVal;
        }

        public double MinVal { get; }
        public double MaxVal { get; }
        public bool Inplace { get; set; }
    }
}
