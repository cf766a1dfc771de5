using NetGen.Generator.Catalogue;

namespace NetGen.Generator.Model;

/// <summary>
/// Which layer a <see cref="LayerSpec"/> is: the attribute's name without <c>Attribute</c>, which is also the
/// TorchSharp module's name. Everything NetGen knows about a layer sits in its <see cref="LayerCatalogue"/>
/// entry; this is only the key, kept as a plain string so that models stay equatable values.
/// </summary>
internal readonly record struct LayerKind(string Name)
{
    /// <summary>A child block (<c>[Block&lt;T&gt;(...)]</c>) inside an indexed Sequential: not a catalogue layer.</summary>
    public static readonly LayerKind Block = new("Block");

    /// <summary>
    /// An <c>nn.Sequential(…)</c> inside another, or inside a ModuleList, that a field's initializer builds: its children
    /// are <see cref="LayerSpec.Children"/>. Not a catalogue layer.
    /// </summary>
    public static readonly LayerKind Sequential = new("Sequential");

    public override string ToString() => Name ?? "";
}

internal static class LayerKinds
{
    /// <summary>The catalogue entry of a layer kind; null for <see cref="LayerKind.Block"/>.</summary>
    public static LayerEntry? Entry(this LayerKind kind) => LayerCatalogue.Find(kind.Name);

    /// <summary>Layers with learnable parameters or buffers (and child blocks): they can only exist as modules.</summary>
    public static bool HasState(this LayerKind kind) => kind == LayerKind.Block || kind == LayerKind.Sequential || kind.Entry()?.HasState == true;

    /// <summary>
    /// A layer with no state and no required argument, which a field of its sealed class can be taken for without reading
    /// the field's initializer (<see cref="MemberSpec.KnownLayer"/>).
    /// </summary>
    public static bool IsStatelessWithoutRequiredArguments(this LayerKind kind) =>
        kind.Entry() is { HasState: false } entry && !System.Linq.Enumerable.Any(entry.Arguments, a => a.Positional);

    /// <summary>
    /// The argument that sizes a layer's input and may be omitted to be inferred from what the layer
    /// receives (e.g. <c>InChannels</c>), with PyTorch's name for messages; null for layers without one.
    /// </summary>
    public static (string Argument, string PyTorchName)? InferableInput(this LayerKind kind) =>
        kind.Entry()?.InferableInput is { } argument ? (argument.Name, argument.PyTorch) : null;

    /// <summary>The TorchSharp module type that a member of this layer is declared with.</summary>
    public static string ModuleTypeName(this LayerKind kind) => kind.Entry()?.ModuleType ?? "global::TorchSharp.Modules." + kind.Name;
}
