using NetGen.Generator.Model;

namespace NetGen.Generator.Shapes;

internal enum ConvKind
{
    Conv1d,
    Conv2d,
    ConvTranspose2d,
    Conv3d,
}

internal enum ConvPaddingMode
{
    /// <summary>Sizes given per dimension (or one size for all).</summary>
    Explicit,

    /// <summary>PyTorch's <c>padding='same'</c>: output size equals input size; stride must be 1.</summary>
    Same,

    /// <summary>PyTorch's <c>padding='valid'</c>: no padding.</summary>
    Valid,
}

/// <summary>A convolution's padding: sizes, or PyTorch's 'same' / 'valid'.</summary>
internal sealed record ConvPadding(ConvPaddingMode Mode, EquatableArray<Dim> Sizes)
{
    public static ConvPadding Same { get; } = new(ConvPaddingMode.Same, EquatableArray<Dim>.Empty);

    public static ConvPadding Valid { get; } = new(ConvPaddingMode.Valid, EquatableArray<Dim>.Empty);

    /// <summary>One size for every spatial dimension, or one size per dimension.</summary>
    public static ConvPadding Explicit(params Dim[] sizes) => new(ConvPaddingMode.Explicit, new EquatableArray<Dim>(sizes));

    public static implicit operator ConvPadding(long size) => Explicit(size);

    public ConvPadding Bind(ShapeBindings bindings) => this with { Sizes = Sizes.Bind(bindings) };

    public override string ToString() => Mode switch
    {
        ConvPaddingMode.Same => "same",
        ConvPaddingMode.Valid => "valid",
        _ => Sizes.Length == 1 ? Sizes[0].ToString() : "(" + string.Join(", ", Sizes) + ")",
    };
}

/// <summary>
/// Conv1d, Conv2d or ConvTranspose2d. Every per-dimension array holds one value for all spatial
/// dimensions or one per dimension, as PyTorch's int-or-tuple arguments do; an empty array means
/// PyTorch's default (stride 1, dilation 1, output_padding 0).
/// </summary>
internal sealed record ConvSpec(
    string Name,
    ConvKind Kind,
    Dim InChannels,
    Dim OutChannels,
    EquatableArray<Dim> KernelSize,
    EquatableArray<Dim> Stride,
    ConvPadding Padding,
    EquatableArray<Dim> Dilation,
    Dim Groups,
    EquatableArray<Dim> OutputPadding) : LayerShapeSpec(Name)
{
    /// <summary>1 for Conv1d, 3 for Conv3d, 2 otherwise.</summary>
    public int SpatialRank => Kind switch { ConvKind.Conv1d => 1, ConvKind.Conv3d => 3, _ => 2 };

    public bool IsTransposed => Kind == ConvKind.ConvTranspose2d;

    public static ConvSpec Conv1d(
        string name, Dim inChannels, Dim outChannels, Dim kernelSize,
        Dim? stride = null, ConvPadding? padding = null, Dim? dilation = null, Dim? groups = null) =>
        Create(name, ConvKind.Conv1d, inChannels, outChannels, kernelSize, stride, padding, dilation, groups, null);

    public static ConvSpec Conv2d(
        string name, Dim inChannels, Dim outChannels, Dim kernelSize,
        Dim? stride = null, ConvPadding? padding = null, Dim? dilation = null, Dim? groups = null) =>
        Create(name, ConvKind.Conv2d, inChannels, outChannels, kernelSize, stride, padding, dilation, groups, null);

    public static ConvSpec ConvTranspose2d(
        string name, Dim inChannels, Dim outChannels, Dim kernelSize,
        Dim? stride = null, Dim? padding = null, Dim? outputPadding = null, Dim? dilation = null, Dim? groups = null) =>
        Create(name, ConvKind.ConvTranspose2d, inChannels, outChannels, kernelSize, stride,
            ConvPadding.Explicit(padding ?? 0), dilation, groups, outputPadding);

    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with
    {
        InChannels = InChannels.Bind(bindings),
        OutChannels = OutChannels.Bind(bindings),
        KernelSize = KernelSize.Bind(bindings),
        Stride = Stride.Bind(bindings),
        Padding = Padding.Bind(bindings),
        Dilation = Dilation.Bind(bindings),
        Groups = Groups.Bind(bindings),
        OutputPadding = OutputPadding.Bind(bindings),
    };

    private static ConvSpec Create(
        string name, ConvKind kind, Dim inChannels, Dim outChannels, Dim kernelSize, Dim? stride,
        ConvPadding? padding, Dim? dilation, Dim? groups, Dim? outputPadding) =>
        new(name, kind, inChannels, outChannels,
            EquatableArray.Create(kernelSize),
            EquatableArray.Create(stride ?? 1),
            padding ?? ConvPadding.Explicit(0),
            EquatableArray.Create(dilation ?? 1),
            groups ?? 1,
            EquatableArray.Create(outputPadding ?? 0));
}
