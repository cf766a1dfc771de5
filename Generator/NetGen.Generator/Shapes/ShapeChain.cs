using System.Linq;
using System.Text;
using NetGen.Generator.Model;

namespace NetGen.Generator.Shapes;

/// <summary>One arrow of a chain: the label on it and the shape it leads to.</summary>
internal sealed record ShapeChainStep(string Label, TensorShape Output);

/// <summary>
/// The human-readable arithmetic of a forward pass, built step by step and immutable:
/// <c>3×224×224 →conv1 k3→ 32×222×222 →pool1 /2→ 32×111×111</c>. Labels come from the caller, or
/// from <see cref="ShapeLabels.Describe"/> when a layer spec is given.
/// </summary>
internal sealed record ShapeChain(TensorShape Input, EquatableArray<ShapeChainStep> Steps)
{
    public static ShapeChain Start(TensorShape input) => new(input, EquatableArray<ShapeChainStep>.Empty);

    /// <summary>The shape after the last step.</summary>
    public TensorShape Current => Steps.IsEmpty ? Input : Steps[Steps.Length - 1].Output;

    public ShapeChain Then(string label, TensorShape output) =>
        this with { Steps = Steps.Append(new ShapeChainStep(label, output)).ToEquatableArray() };

    public ShapeChain Then(LayerShapeSpec layer, TensorShape output) => Then(ShapeLabels.Describe(layer), output);

    /// <summary>The whole chain.</summary>
    public override string ToString() => Format(int.MaxValue);

    /// <summary>The input and at most the last <paramref name="lastSteps"/> steps, the rest shown as <c>→ …</c>.</summary>
    public string Format(int lastSteps)
    {
        var text = new StringBuilder(Input.ToString());
        int skipped = Steps.Length > lastSteps ? Steps.Length - lastSteps : 0;
        if (skipped > 0)
        {
            text.Append(" → …");
        }

        foreach (ShapeChainStep step in Steps.Skip(skipped))
        {
            text.Append(" →").Append(step.Label).Append("→ ").Append(step.Output);
        }

        return text.ToString();
    }
}
