using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Catalogue;

/// <summary>One parameter or buffer a layer registers, relative to the layer (<c>weight</c>, <c>running_mean</c>).</summary>
internal sealed record LayerState(string Name, EquatableArray<Dim> Shape, string DType = "Float32", bool IsBuffer = false)
{
    public static LayerState Parameter(string name, params Dim[] shape) => new(name, shape.ToEquatableArray());

    public static LayerState Buffer(string name, string dtype, params Dim[] shape) => new(name, shape.ToEquatableArray(), dtype, IsBuffer: true);
}
