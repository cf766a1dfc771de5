namespace NetGen
{
    /// <summary>Shared arguments of the batch-norm attributes.</summary>
    public abstract class BatchNormAttribute : LayerAttribute
    {
        private protected BatchNormAttribute(object? numFeatures) => NumFeatures = numFeatures;

        /// <summary>Channels; <c>null</c> when inferred.</summary>
        public object? NumFeatures { get; }
        /// <summary>A number or a <c>double</c> expression of the hyperparameters (torchvision's EfficientNet-B5 uses 0.001).</summary>
        public object Eps { get; set; } = 1e-5;
        /// <summary>A number or a <c>double</c> expression of the hyperparameters (torchvision's MNASNet uses <c>1 - 0.9997</c>).</summary>
        public object Momentum { get; set; } = 0.1;
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

    /// <summary><c>nn.BatchNorm3d</c>. Omit <c>numFeatures</c> to infer it.</summary>
    public sealed class BatchNorm3dAttribute : BatchNormAttribute
    {
        public BatchNorm3dAttribute(object numFeatures) : base(numFeatures) { }
        public BatchNorm3dAttribute() : base(null) { }
    }

    /// <summary><c>nn.InstanceNorm2d</c>; unlike batch norm, <c>Affine</c> and <c>TrackRunningStats</c> default to false.</summary>
    public sealed class InstanceNorm2dAttribute : LayerAttribute
    {
        public InstanceNorm2dAttribute(object numFeatures) => NumFeatures = numFeatures;
        public InstanceNorm2dAttribute() { }

        /// <summary>Channels; <c>null</c> when inferred.</summary>
        public object? NumFeatures { get; }
        public double Eps { get; set; } = 1e-5;
        public double Momentum { get; set; } = 0.1;
        public bool Affine { get; set; }
        public bool TrackRunningStats { get; set; }
    }

    /// <summary><c>nn.LocalResponseNorm</c> (AlexNet, GoogLeNet).</summary>
    public sealed class LocalResponseNormAttribute : LayerAttribute
    {
        public LocalResponseNormAttribute(int size) => Size = size;

        public int Size { get; }
        public double Alpha { get; set; } = 1e-4;
        public double Beta { get; set; } = 0.75;
        public double K { get; set; } = 1.0;
    }
}
