using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>Translates a declared layer into the shape library's spec (its catalogue entry's shape rule), resolving parameters in an environment.</summary>
internal static class ShapeSpecBuilder
{
    /// <summary>The spec, or null for a child block, which the walk follows instead.</summary>
    public static LayerShapeSpec? Build(LayerSpec layer, string name, ShapeEnvironment env) =>
        layer.Kind.Entry()?.Shape(layer, name, env);
}
