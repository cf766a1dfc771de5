using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// Parameter counts and mult-adds per layer, as torchinfo counts them (one sample), or -1 when a
/// size is not known at compile time.
/// </summary>
internal static class LayerCosts
{
    /// <summary>The learnable elements of a layer: its parameter entries (not its buffers), so counts and the state map agree.</summary>
    public static long Parameters(IEnumerable<StateEntrySpec> entries)
    {
        return Counting.Sum(entries.Where(e => !e.IsBuffer).Select(e => Counting.Product(e.Shape.Select(d => d.IsKnown ? d.Value : -1))));
    }

    public static long MultAdds(LayerSpec layer, TensorShape input, TensorShape output, ShapeEnvironment env)
    {
        try
        {
            return layer.Kind.Entry()?.MultAdds(layer, input, output, env) ?? 0;
        }
        catch (System.OverflowException)
        {
            return -1;
        }
    }
}
