using NetGen.Generator.Model;

namespace NetGen.Generator.Shapes;

/// <summary><c>nn.PixelShuffle(upscale_factor)</c>: C×H×W → C/r²×Hr×Wr.</summary>
internal sealed record PixelShuffleSpec(string Name, Dim UpscaleFactor) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with { UpscaleFactor = UpscaleFactor.Bind(bindings) };
}

/// <summary>
/// <c>nn.Upsample</c>: the spatial sizes (all dimensions after the channels) become <see cref="Size"/>, or
/// ⌊size × <see cref="ScaleFactor"/>⌋. <see cref="SpatialRank"/> is the number of spatial dimensions the built module takes.
/// </summary>
internal sealed record UpsampleSpec(string Name, EquatableArray<Dim> Size, double? ScaleFactor, int SpatialRank) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with { Size = Size.Bind(bindings) };
}

/// <summary>
/// <c>nn.ZeroPad2d</c> / <c>nn.ConstantPad1d/2d</c>: <see cref="Padding"/> in PyTorch's order (last dimension's
/// left and right first), over the last <see cref="PaddedDims"/> dimensions; one value pads every side.
/// </summary>
internal sealed record PadSpec(string Name, EquatableArray<Dim> Padding, int PaddedDims) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with { Padding = Padding.Bind(bindings) };
}

/// <summary><c>nn.Unflatten(dim, unflattened_size)</c>; <see cref="Dim"/> counts the batch dimension, as PyTorch's does.</summary>
internal sealed record UnflattenSpec(string Name, int Dim, EquatableArray<Dim> Sizes) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with { Sizes = Sizes.Bind(bindings) };
}

/// <summary>
/// A shape-keeping layer with one value per channel (PReLU's <c>num_parameters</c>): 1 fits any input, more must
/// equal the channels (the sample's first dimension).
/// </summary>
internal sealed record ChannelwiseSpec(string Name, Dim Channels) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with { Channels = Channels.Bind(bindings) };
}

/// <summary>torchvision's <c>Permute(dims)</c>: <see cref="Dims"/> count the batch dimension, as PyTorch's do.</summary>
internal sealed record PermuteSpec(string Name, EquatableArray<int> Dims) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this;
}
