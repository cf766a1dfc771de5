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

    /// <summary>The TorchSharp module type that a member of this layer is declared with.</summary>
    public static string ModuleTypeName(this LayerKind kind) => "global::TorchSharp.Modules." + kind;
}
