using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>The parameters and buffers a layer registers, in TorchSharp's (and PyTorch's) order, with their shapes: its catalogue entry's, under the layer's path.</summary>
internal static class StateEntrySpecs
{
    public static IEnumerable<StateEntrySpec> Of(LayerSpec layer, string path, TensorShape input, ShapeEnvironment env, string member, bool certain)
    {
        var entries = layer.Kind.Entry()?.State(layer, input, env) ?? Enumerable.Empty<Catalogue.LayerState>();
        return entries.Select(state => new StateEntrySpec(path + "." + state.Name, state.Shape, state.DType, state.IsBuffer, member, certain));
    }
}
