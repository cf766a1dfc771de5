namespace NetGen
{
    /// <summary>Shared arguments of the batch-norm attributes.</summary>
    public abstract class BatchNormAttribute : LayerAttribute
    {
        private protected BatchNormAttribute(object? numFeatures) => NumFeatures = numFeatures;

        /// <summary>Channels; <c>null</c> when inferred.</summary>
        public object? NumFeatures { get; }
        public double Eps { get; set; } = 1e-5;
        public double Momentum { get; set; } = 0.1;
        public bool Affine { get; set; } = true;
        public bool TrackRunningStats { get; set; } = true;
    }

    /// <summary><c>nn.BatchNorm1d</c>.</summary>
    public sealed class BatchNorm1dAttribute : BatchNormAttribute
    {
        public BatchNorm1dAttribute(object numFeatures) : base(numFeatures) { }
        public BatchNorm1dAttribute() : base(null) { }
    }

    /// <summary><c>nn.BatchNorm2d</c>.</summary>
    public sealed class BatchNorm2dAttribute : BatchNormAttribute
    {
        public BatchNorm2dAttribute(object numFeatures) : base(numFeatures) { }
        public BatchNorm2dAttribute() : base(null) { }
    }

    /// <summary><c>nn.LayerNorm</c> over the trailing dimensions given.</summary>
    public sealed class LayerNormAttribute : LayerAttribute
    {
        public LayerNormAttribute(params object[] normalizedShape) => NormalizedShape = normalizedShape;

        public object[] NormalizedShape { get; }
        public double Eps { get; set; } = 1e-5;
        public bool ElementwiseAffine { get; set; } = true;
    }

    /// <summary><c>nn.GroupNorm</c>. Omit <c>numChannels</c> to infer it.</summary>
    public sealed class GroupNormAttribute : LayerAttribute
    {
        public GroupNormAttribute(object numGroups, object numChannels)
        {
            NumGroups = numGroups;
            NumChannels = numChannels;
        }

        public GroupNormAttribute(object numGroups) => NumGroups = numGroups;

        public object NumGroups { get; }
        public object? NumChannels { get; }
        public double Eps { get; set; } = 1e-5;
        public bool Affine { get; set; } = true;
    }
}
