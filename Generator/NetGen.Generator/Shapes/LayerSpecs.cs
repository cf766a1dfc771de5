using NetGen.Generator.Model;

namespace NetGen.Generator.Shapes;

/// <summary>
/// <c>nn.Flatten(start_dim, end_dim)</c>. The dims are PyTorch's, so they count the batch dimension:
/// the default <c>(1, -1)</c> flattens each sample.
/// </summary>
internal sealed record FlattenSpec(string Name, int StartDim = 1, int EndDim = -1) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this;
}

/// <summary><c>nn.Linear(in_features, out_features)</c>; applies to the last dimension.</summary>
internal sealed record LinearSpec(string Name, Dim InFeatures, Dim OutFeatures) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) =>
        this with { InFeatures = InFeatures.Bind(bindings), OutFeatures = OutFeatures.Bind(bindings) };
}

/// <summary><c>nn.Embedding(num_embeddings, embedding_dim, padding_idx)</c>; adds a last dimension.</summary>
internal sealed record EmbeddingSpec(string Name, Dim NumEmbeddings, Dim EmbeddingDim, Dim? PaddingIdx = null)
    : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with
    {
        NumEmbeddings = NumEmbeddings.Bind(bindings),
        EmbeddingDim = EmbeddingDim.Bind(bindings),
        PaddingIdx = PaddingIdx?.Bind(bindings),
    };
}

internal enum NormKind
{
    /// <summary>Sample C or C×L.</summary>
    BatchNorm1d,

    /// <summary>Sample C×H×W.</summary>
    BatchNorm2d,

    /// <summary>Sample C×D×H×W.</summary>
    BatchNorm3d,

    /// <summary>Sample C×H×W; channels are checked by PyTorch only when affine, so not here.</summary>
    InstanceNorm2d,

    /// <summary>Sample C×…; C must be divisible by num_groups.</summary>
    GroupNorm,
}

/// <summary>
/// BatchNorm1d/2d(<see cref="NumChannels"/>) or GroupNorm(<see cref="NumGroups"/>, <see cref="NumChannels"/>).
/// <see cref="NumGroups"/> is ignored by batch norms.
/// </summary>
internal sealed record NormSpec(string Name, NormKind Kind, Dim NumChannels, Dim NumGroups) : LayerShapeSpec(Name)
{
    public static NormSpec BatchNorm1d(string name, Dim numFeatures) => new(name, NormKind.BatchNorm1d, numFeatures, 1);

    public static NormSpec BatchNorm2d(string name, Dim numFeatures) => new(name, NormKind.BatchNorm2d, numFeatures, 1);

    public static NormSpec BatchNorm3d(string name, Dim numFeatures) => new(name, NormKind.BatchNorm3d, numFeatures, 1);

    public static NormSpec InstanceNorm2d(string name, Dim numFeatures) => new(name, NormKind.InstanceNorm2d, numFeatures, 1);

    public static NormSpec GroupNorm(string name, Dim numGroups, Dim numChannels) =>
        new(name, NormKind.GroupNorm, numChannels, numGroups);

    public override LayerShapeSpec Bind(ShapeBindings bindings) =>
        this with { NumChannels = NumChannels.Bind(bindings), NumGroups = NumGroups.Bind(bindings) };
}

/// <summary><c>nn.LayerNorm(normalized_shape)</c>: the sample's trailing dimensions must equal it.</summary>
internal sealed record LayerNormSpec(string Name, EquatableArray<Dim> NormalizedShape) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with { NormalizedShape = NormalizedShape.Bind(bindings) };
}

internal enum ElementwiseKind
{
    Identity,
    ReLU,
    LeakyReLU,
    GELU,
    SiLU,
    Sigmoid,
    Tanh,
    Softmax,
    Dropout,
}

/// <summary>
/// A layer that keeps the shape: activations, Dropout, Softmax. <see cref="SoftmaxDim"/> is PyTorch's
/// dim (it counts the batch dimension) and must be in range; null means no dim is checked. The sample's
/// rank must lie in <see cref="MinSampleRank"/>..<see cref="MaxSampleRank"/> (LocalResponseNorm, Dropout1d).
/// </summary>
internal sealed record ElementwiseSpec(string Name, ElementwiseKind Kind, int? SoftmaxDim = null, int MinSampleRank = 0, int MaxSampleRank = int.MaxValue) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this;
}
