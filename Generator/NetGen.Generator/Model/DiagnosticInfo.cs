using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Model;

/// <summary>One entry of a diagnostic's property bag, e.g. <c>Expected = 32</c>, read by the code fixes.</summary>
internal sealed record DiagnosticProperty(string Key, string Value);

/// <summary>
/// A diagnostic kept as data until it is reported: its descriptor (immutable and shared), a comparable
/// location, the message arguments and the properties a code fix reads.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public EquatableArray<DiagnosticProperty> Properties { get; init; } = EquatableArray<DiagnosticProperty>.Empty;

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, EquatableArray.Create(arguments));

    /// <summary>This diagnostic with one more property.</summary>
    public DiagnosticInfo WithProperty(string key, string value) =>
        this with { Properties = Properties.Append(new DiagnosticProperty(key, value)).ToEquatableArray() };

    public Diagnostic ToDiagnostic() => Create(Location?.ToLocation());

    /// <summary>The diagnostic located in <paramref name="compilation"/>'s own tree, where #pragma and [SuppressMessage] apply.</summary>
    public Diagnostic ToDiagnostic(Compilation compilation)
    {
        var tree = Location is null ? null : compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == Location.FilePath);
        return Create(tree is null ? Microsoft.CodeAnalysis.Location.None : Microsoft.CodeAnalysis.Location.Create(tree, Location!.Span));
    }

    private Diagnostic Create(Location? location) =>
        Diagnostic.Create(
            Descriptor,
            location,
            Properties.IsEmpty ? null : Properties.ToImmutableDictionary(p => p.Key, p => (string?)p.Value),
            Arguments.Select(a => (object?)a).ToArray());
}
