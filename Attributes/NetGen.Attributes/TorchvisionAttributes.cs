namespace NetGen
{
    /// <summary>
    /// torchvision's <c>ops.StochasticDepth(p, mode)</c>: while training, drops whole samples (<c>"row"</c>) or the
    /// whole batch (<c>"batch"</c>); the identity in eval mode. Built as <c>NetGen.StochasticDepth</c>.
    /// </summary>
    public sealed class StochasticDepthAttribute : LayerAttribute
    {
        /// <param name="p">The drop probability: a number or a <c>double</c> expression of the hyperparameters
        /// (torchvision's EfficientNet grows it with the block's position).</param>
        /// <param name="mode"><c>"row"</c> or <c>"batch"</c>.</param>
        public StochasticDepthAttribute(object p, string mode)
        {
            P = p;
            Mode = mode;
        }

        public object P { get; }
        public string Mode { get; }
    }

    /// <summary>torchvision's <c>ops.Permute(dims)</c>; the dims count the batch, so they start with 0. Built as <c>NetGen.Permute</c>.</summary>
    public sealed class PermuteAttribute : LayerAttribute
    {
        public PermuteAttribute(params int[] dims) => Dims = dims;

        public int[] Dims { get; }
    }

    /// <summary>torchvision's <c>models.convnext.LayerNorm2d</c>: a LayerNorm over the channels of a C×H×W sample. Built as <c>NetGen.LayerNorm2d</c>.</summary>
    public sealed class LayerNorm2dAttribute : LayerAttribute
    {
        public LayerNorm2dAttribute(object normalizedShape) => NormalizedShape = normalizedShape;

        /// <summary>The number of channels.</summary>
        public object NormalizedShape { get; }
        public double Eps { get; set; } = 1e-5;
        public bool ElementwiseAffine { get; set; } = true;
    }
}
