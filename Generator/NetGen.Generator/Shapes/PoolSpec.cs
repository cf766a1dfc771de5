using NetGen.Generator.Model;

namespace NetGen.Generator.Shapes;

internal enum PoolKind
{
    MaxPool2d,
    AvgPool2d,
    MaxPool1d,
    MaxPool3d,
    AvgPool1d,
}

/// <summary>
/// MaxPool1d/2d/3d or AvgPool1d/2d. Per-dimension arrays hold one value for both spatial dimensions or one
/// each. An empty <see cref="Stride"/> means PyTorch's default, the kernel size; an empty padding
/// means 0 and an empty dilation 1 (AvgPool2d has no dilation).
/// </summary>
internal sealed record PoolSpec(
    string Name,
    PoolKind Kind,
    EquatableArray<Dim> KernelSize,
    EquatableArray<Dim> Stride,
    EquatableArray<Dim> Padding,
    EquatableArray<Dim> Dilation,
    bool CeilMode) : LayerShapeSpec(Name)
{
    /// <summary>The number of spatial dimensions the pool slides over.</summary>
    public int SpatialRank => Kind switch { PoolKind.MaxPool1d or PoolKind.AvgPool1d => 1, PoolKind.MaxPool3d => 3, _ => 2 };

    /// <summary>Average pools have no dilation.</summary>
    public bool IsAverage => IsAverageKind(Kind);

    /// <summary>Whether pools of <paramref name="kind"/> average, and so take no dilation.</summary>
    public static bool IsAverageKind(PoolKind kind) => kind is PoolKind.AvgPool2d or PoolKind.AvgPool1d;

    public static PoolSpec MaxPool2d(
        string name, Dim kernelSize, Dim? stride = null, Dim? padding = null, Dim? dilation = null, bool ceilMode = false) =>
        new(name, PoolKind.MaxPool2d, EquatableArray.Create(kernelSize), OneOrEmpty(stride),
            EquatableArray.Create(padding ?? 0), EquatableArray.Create(dilation ?? 1), ceilMode);

    public static PoolSpec AvgPool2d(
        string name, Dim kernelSize, Dim? stride = null, Dim? padding = null, bool ceilMode = false) =>
        new(name, PoolKind.AvgPool2d, EquatableArray.Create(kernelSize), OneOrEmpty(stride),
            EquatableArray.Create(padding ?? 0), EquatableArray<Dim>.Empty, ceilMode);

    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with
    {
        KernelSize = KernelSize.Bind(bindings),
        Stride = Stride.Bind(bindings),
        Padding = Padding.Bind(bindings),
        Dilation = Dilation.Bind(bindings),
    };

    private static EquatableArray<Dim> OneOrEmpty(Dim? value) =>
        value is { } v ? EquatableArray.Create(v) : EquatableArray<Dim>.Empty;
}

/// <summary><c>AdaptiveAvgPool1d</c>: any input length maps to <see cref="OutputSize"/>; the sample is C×L.</summary>
internal sealed record AdaptivePool1dSpec(string Name, Dim OutputSize) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with { OutputSize = OutputSize.Bind(bindings) };
}

/// <summary>
/// AdaptiveAvgPool2d or AdaptiveMaxPool2d. A null output size keeps that input dimension, like PyTorch's <c>None</c>.
/// </summary>
internal sealed record AdaptivePoolSpec(string Name, Dim? OutputHeight, Dim? OutputWidth) : LayerShapeSpec(Name)
{
    public static AdaptivePoolSpec AdaptiveAvgPool2d(string name, Dim outputSize) => new(name, outputSize, outputSize);

    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with
    {
        OutputHeight = OutputHeight?.Bind(bindings),
        OutputWidth = OutputWidth?.Bind(bindings),
    };
}
