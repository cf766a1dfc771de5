using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Catalogue;

/// <summary>
/// Everything NetGen knows about one layer, in one place: its arguments (PyTorch's names), the TorchSharp
/// factory call, the shape rule (a spec of the <see cref="Shapes"/> library), the state entries with their
/// shapes, the fans init uses, and the functional form. The parser, the shape walk, the emitters, the
/// summary and the docs test all read entries; <see cref="LayerCatalogue"/> finds every subclass.
/// </summary>
internal abstract class LayerEntry
{
    private static readonly IReadOnlyList<LayerArgument> NoArguments = new LayerArgument[0];

    /// <summary>The attribute's name without <c>Attribute</c>; also the TorchSharp module's name.</summary>
    public abstract string Name { get; }

    /// <summary>The PyTorch module this layer is, e.g. <c>torch.nn.Conv2d</c>.</summary>
    public abstract string PyTorch { get; }

    /// <summary>The arguments in PyTorch's order; positional ones first.</summary>
    public virtual IReadOnlyList<LayerArgument> Arguments => NoArguments;

    /// <summary>The argument that may be omitted and inferred from the input (<c>InChannels</c>), if any.</summary>
    public virtual LayerArgument? InferableInput => null;

    /// <summary>Whether the layer registers parameters or buffers, so that it can only be a module.</summary>
    public virtual bool HasState => false;

    /// <summary>The TorchSharp module type a member of this layer is declared with.</summary>
    public virtual string ModuleType => "global::TorchSharp.Modules." + Name;

    /// <summary>The TorchSharp factory method under <c>torch.nn</c>.</summary>
    protected virtual string Factory => Name;

    /// <summary>Which argument a "groups do not divide" failure points at.</summary>
    public virtual string GroupsArgument => "Groups";

    public LayerArgument? Argument(string name) => Arguments.FirstOrDefault(a => a.Name == name);

    /// <summary>
    /// Whether <paramref name="argument"/> takes a per-dimension list whose items name parameters or are expressions
    /// (<c>KernelSize = new[] { "kh", "kw" }</c>): only where the entry writes such a list as a tuple or array of sizes.
    /// </summary>
    public virtual bool AcceptsSizeList(string argument) => false;

    /// <summary>
    /// The TorchSharp call that creates the module: by default the positional arguments in order, then every
    /// given optional one by its TorchSharp name, so PyTorch's defaults apply to the rest.
    /// </summary>
    public virtual string Construct(LayerSpec layer)
    {
        var args = new List<string>();
        foreach (var argument in Arguments)
        {
            if (argument.Positional)
            {
                args.Add(FactoryCall.Required(layer, argument.Name));
            }
            else
            {
                FactoryCall.Optional(args, layer, argument.Name, argument.TorchSharp);
            }
        }

        return FactoryCall.Call(Factory, args);
    }

    /// <summary>Whether the module returns a tuple (the recurrent layers), so it cannot be a child of a Sequential.</summary>
    public virtual bool ReturnsTuple => false;

    /// <summary>The call of the built <paramref name="module"/> on <paramref name="x"/> that gives one tensor.</summary>
    public virtual string Invoke(string module, string x) => $"{module}.call({x})";

    /// <summary>
    /// The layer applied to the tensor expression <paramref name="x"/> as a functional call, or null when it has
    /// no functional form. <paramref name="mayWorkInPlace"/> is false when <paramref name="x"/> is still needed.
    /// </summary>
    public virtual string? Functional(LayerSpec layer, string x, bool mayWorkInPlace) => null;

    /// <summary>The shape rule: the shape library's spec for this layer with its sizes resolved in <paramref name="env"/>.</summary>
    public virtual LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) => new ElementwiseSpec(name, ElementwiseKind.Identity);

    /// <summary>Parameters and buffers in PyTorch's registration order, with the shapes they get for <paramref name="input"/>.</summary>
    public virtual IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env) => Enumerable.Empty<LayerState>();

    /// <summary>
    /// The fan-in and fan-out init computes for a parameter of this layer, by PyTorch's rule
    /// (<c>_calculate_fan_in_and_fan_out</c>): dim 1 and dim 0 times the receptive field; null below 2 dimensions.
    /// </summary>
    public virtual (Dim FanIn, Dim FanOut)? Fans(LayerState parameter)
    {
        var shape = parameter.Shape;
        if (shape.Count < 2)
        {
            return null;
        }

        var receptive = Dim.Of(1);
        for (var i = 2; i < shape.Count; i++)
        {
            receptive = LayerValues.Multiply(receptive, shape[i]);
        }

        return (LayerValues.Multiply(shape[1], receptive), LayerValues.Multiply(shape[0], receptive));
    }

    /// <summary>Mult-adds for one sample as torchinfo counts them, -1 when unknown; 0 for layers torchinfo does not count.</summary>
    public virtual long MultAdds(LayerSpec layer, TensorShape input, TensorShape output, ShapeEnvironment env) => 0;

    /// <summary>
    /// The input a member starting with this layer is checked from when nothing says what it receives: the rank
    /// the layer fixes, with <paramref name="channels"/>; unknown rank for layers that take any rank.
    /// </summary>
    public virtual TensorShape SeedInput(Dim channels) => TensorShape.UnknownRank;
}
