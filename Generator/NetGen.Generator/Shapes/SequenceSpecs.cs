namespace NetGen.Generator.Shapes;

/// <summary>
/// LSTM, GRU or RNN on an L×H_in sample: the output is L×(directions·H_out). The input's last dimension must be
/// <see cref="InputSize"/>.
/// </summary>
internal sealed record RecurrentSpec(string Name, Dim InputSize, Dim HiddenSize, int Directions) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with { InputSize = InputSize.Bind(bindings), HiddenSize = HiddenSize.Bind(bindings) };
}

/// <summary>
/// Self-attention on an L×E sample (<c>nn.MultiheadAttention</c>, batch first): the last dimension must be
/// <see cref="EmbedDim"/>, which the heads must divide; the shape is kept.
/// </summary>
internal sealed record AttentionSpec(string Name, Dim EmbedDim, Dim NumHeads) : LayerShapeSpec(Name)
{
    public override LayerShapeSpec Bind(ShapeBindings bindings) => this with { EmbedDim = EmbedDim.Bind(bindings), NumHeads = NumHeads.Bind(bindings) };
}
