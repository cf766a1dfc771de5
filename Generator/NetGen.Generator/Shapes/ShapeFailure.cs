namespace NetGen.Generator.Shapes;

/// <summary>What kind of shape error PyTorch would raise; the diagnostics map each kind to an ID.</summary>
internal enum ShapeFailureKind
{
    /// <summary>A layer's in_channels (or a norm's num_features) differs from the channels it receives.</summary>
    ChannelMismatch,

    /// <summary>Linear's in_features differs from the incoming feature count (usually a flattened size).</summary>
    FeatureMismatch,

    /// <summary>A spatial size computed by a conv or pool formula is below 1.</summary>
    SpatialCollapse,

    /// <summary>Groups that do not divide a channel count (conv groups, GroupNorm num_groups).</summary>
    GroupsDoNotDivide,

    /// <summary>LayerNorm's normalized_shape differs from the sample's trailing dimensions.</summary>
    NormalizedShapeMismatch,

    /// <summary>The input has the wrong number of dimensions for the layer.</summary>
    RankMismatch,

    /// <summary>The two sides of a residual add differ.</summary>
    AddShapeMismatch,

    /// <summary>Concatenated tensors differ outside the concatenation dimension.</summary>
    ConcatShapeMismatch,

    /// <summary>The layer's own arguments are invalid (PyTorch refuses them whatever the input).</summary>
    InvalidArgument,

    /// <summary>A size beyond what 64-bit arithmetic holds.</summary>
    Overflow,

    /// <summary>What arrives does not fit a member's declared shape contract.</summary>
    ContractMismatch,

    /// <summary>A block that contains itself, directly or through others; its message is the cycle.</summary>
    BlockCycle,

    /// <summary>Two tensors whose shapes do not broadcast (<c>a * b</c>, <c>a - b</c>, …).</summary>
    BroadcastMismatch,

    /// <summary>A view or reshape to a shape of another number of elements.</summary>
    ElementCountMismatch,

    /// <summary>Matrix products whose inner sizes (or batch sizes) differ.</summary>
    MatMulMismatch,

    /// <summary>What a TorchSharp module called in a hand-written forward (an LSTM, an attention) receives does not fit it.</summary>
    ModuleInputMismatch,

    /// <summary>Beyond the walk's bounds (blocks nested too deep, too many layers): the message says what, <see cref="ShapeFailure.Expected"/> what to do.</summary>
    TooLarge,
}

/// <summary>
/// A shape error as a value: the kind, the layer's name, a complete message, and the expected and
/// actual values as short texts (for diagnostics that show "expected X, got Y").
/// For a declaration that disagrees with the incoming data (channels, in_features, norm sizes)
/// <see cref="Expected"/> is what the data demands, i.e. the value the argument should have, and
/// <see cref="Actual"/> is the declared value. For an add, they are the left and right shapes; for a
/// concat, the first input's size and the offending one; for an argument, the allowed range and the value.
/// </summary>
internal sealed record ShapeFailure(ShapeFailureKind Kind, string Layer, string Message, string Expected, string Actual)
{
    public override string ToString() => Message;
}
