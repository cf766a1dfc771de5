using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NetGen.Generator.Shapes;

/// <summary>
/// The short texts on the arrows of an arithmetic chain: <c>conv1 k3</c>, <c>pool1 /2</c>,
/// <c>conv2 k3 /2 p1</c>. A per-dimension argument whose values differ is written <c>k3×5</c>.
/// </summary>
internal static class ShapeLabels
{
    /// <summary>The label of a layer: its name followed by what changes sizes.</summary>
    public static string Describe(LayerShapeSpec layer) => layer switch
    {
        ConvSpec conv => Join(layer.Name, ConvStep(conv)),
        PoolSpec pool => Join(layer.Name, PoolStep(pool)),
        AdaptivePoolSpec adaptive => Join(layer.Name, $"{adaptive.OutputHeight?.ToString() ?? "="}×{adaptive.OutputWidth?.ToString() ?? "="}"),
        _ => layer.Name,
    };

    /// <summary>One dimension of a convolution: <c>k5</c>, <c>k3 /2 p1</c>, <c>k3 d2</c>, <c>k4 ×2 p1</c> (transposed).</summary>
    public static string SizeStep(Dim kernel, Dim stride, Dim padding, Dim dilation, bool transposed = false) =>
        Step(kernel.ToString(), stride.ToString(), padding.ToString(), dilation.ToString(), transposed);

    /// <summary>One dimension of a pool: <c>/2</c> when the window equals the stride, else <c>k3 /2 p1</c>.</summary>
    public static string PoolStep(Dim kernel, Dim stride, Dim padding, Dim dilation, bool ceilMode) =>
        PoolStep(kernel.ToString(), stride.ToString(), padding.ToString(), dilation.ToString(), ceilMode);

    private static string ConvStep(ConvSpec conv)
    {
        string padding = conv.Padding.Mode switch
        {
            ConvPaddingMode.Same => "same",
            ConvPaddingMode.Valid => "0",
            _ => Values(conv.Padding.Sizes, "0"),
        };
        string step = Step(Values(conv.KernelSize, "?"), Values(conv.Stride, "1"), padding, Values(conv.Dilation, "1"), conv.IsTransposed);
        string groups = conv.Groups.IsKnown && conv.Groups.Value == 1 ? "" : " g" + conv.Groups;
        return step + groups;
    }

    private static string PoolStep(PoolSpec pool)
    {
        string kernel = Values(pool.KernelSize, "?");
        return PoolStep(kernel, pool.Stride.IsEmpty ? kernel : Values(pool.Stride, "?"),
            Values(pool.Padding, "0"), Values(pool.Dilation, "1"), pool.CeilMode);
    }

    private static string Step(string kernel, string stride, string padding, string dilation, bool transposed)
    {
        var text = new StringBuilder("k").Append(kernel);
        if (stride != "1")
        {
            text.Append(transposed ? " ×" : " /").Append(stride);
        }

        if (padding == "same")
        {
            text.Append(" same");
        }
        else if (padding != "0")
        {
            text.Append(" p").Append(padding);
        }

        if (dilation != "1")
        {
            text.Append(" d").Append(dilation);
        }

        return text.ToString();
    }

    private static string PoolStep(string kernel, string stride, string padding, string dilation, bool ceilMode)
    {
        string step = kernel == stride && padding == "0" && dilation == "1"
            ? "/" + stride
            : Step(kernel, stride, padding, dilation, transposed: false);
        return ceilMode ? step + " ceil" : step;
    }

    /// <summary><c>3</c> when every dimension has the same value, <c>3×5</c> otherwise.</summary>
    private static string Values(IEnumerable<Dim> values, string whenEmpty)
    {
        var texts = values.Select(v => v.ToString()).ToList();
        return texts.Count == 0 ? whenEmpty : texts.Distinct().Count() == 1 ? texts[0] : string.Join("×", texts);
    }

    private static string Join(string name, string step) => step.Length == 0 ? name : name + " " + step;
}
