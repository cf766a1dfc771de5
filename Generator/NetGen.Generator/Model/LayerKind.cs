namespace NetGen.Generator.Model;

/// <summary>Every layer NetGen can declare. The names match the attribute and TorchSharp module names.</summary>
internal enum LayerKind
{
    Conv1d,
    Conv2d,
    ConvTranspose2d,
    BatchNorm1d,
    BatchNorm2d,
    LayerNorm,
    GroupNorm,
    MaxPool2d,
    AvgPool2d,
    AdaptiveAvgPool2d,
    Linear,
    Dropout,
    Flatten,
    Embedding,
    ReLU,
    ReLU6,
    LeakyReLU,
    GELU,
    SiLU,
    Sigmoid,
    Tanh,
    Softmax,
    /// <summary>A child block (<c>[Block&lt;T&gt;(...)]</c>) inside an indexed Sequential.</summary>
    Block,
}

internal static class LayerKinds
{
    /// <summary>Layers with learnable parameters or buffers: they can only exist as modules.</summary>
    public static bool HasState(this LayerKind kind) => kind is LayerKind.Conv1d or LayerKind.Conv2d
        or LayerKind.ConvTranspose2d or LayerKind.BatchNorm1d or LayerKind.BatchNorm2d or LayerKind.LayerNorm
        or LayerKind.GroupNorm or LayerKind.Linear or LayerKind.Embedding or LayerKind.Block;

    /// <summary>
    /// The argument that sizes a layer's input and may be omitted to be inferred from what the layer
    /// receives (e.g. <c>InChannels</c>), with PyTorch's name for messages; null for layers without one.
    /// </summary>
    public static (string Argument, string PyTorchName)? InferableInput(this LayerKind kind) => kind switch
    {
        LayerKind.Conv1d or LayerKind.Conv2d or LayerKind.ConvTranspose2d => ("InChannels", "in_channels"),
        LayerKind.BatchNorm1d or LayerKind.BatchNorm2d => ("NumFeatures", "num_features"),
        LayerKind.GroupNorm => ("NumChannels", "num_channels"),
        LayerKind.Linear => ("InFeatures", "in_features"),
        _ => null,
    };

    /// <summary>The TorchSharp module type that a member of this layer is declared with.</summary>
    public static string ModuleTypeName(this LayerKind kind) => "global::TorchSharp.Modules." + kind;
}
