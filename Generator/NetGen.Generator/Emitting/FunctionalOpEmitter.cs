using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Writes a parameter-free layer as a functional call on a tensor expression: the form an attribute
/// takes when it sits around a member's module rather than being the module. The call is the one the
/// layer's catalogue entry writes.
/// </summary>
internal static class FunctionalOpEmitter
{
    /// <summary>The call applying <paramref name="layer"/> to <paramref name="x"/>.</summary>
    /// <param name="mayWorkInPlace">False when <paramref name="x"/> is still needed by someone else, so an in-place op must copy.</param>
    public static string Apply(LayerSpec layer, string x, bool mayWorkInPlace) =>
        layer.Kind.Entry()?.Functional(layer, x, mayWorkInPlace) ?? $"/* {layer.Kind} has parameters and cannot be functional */ {x}";
}
