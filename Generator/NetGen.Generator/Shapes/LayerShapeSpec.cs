namespace NetGen.Generator.Shapes;

/// <summary>
/// What shape inference needs to know about one layer: its name (used in every message) and its
/// size-valued arguments as <see cref="Dim"/>s, which may be symbols until a use site binds them.
/// </summary>
internal abstract record LayerShapeSpec(string Name)
{
    /// <summary>A copy with every bound symbol replaced by its value.</summary>
    public abstract LayerShapeSpec Bind(ShapeBindings bindings);
}
