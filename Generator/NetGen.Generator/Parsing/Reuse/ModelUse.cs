using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Parsing;

/// <summary>
/// A block type a model uses, by name: a parse kept from one compilation to the next must not hold a symbol of the
/// old one. <see cref="MetadataName"/> finds a type declared in the compilation again; <see cref="DisplayName"/> is how
/// a model of a referenced assembly is known, by its descriptor.
/// </summary>
internal readonly record struct ModelUse(string MetadataName, string DisplayName)
{
    public static ImmutableArray<ModelUse> Of(IEnumerable<INamedTypeSymbol> types) =>
        types.Select(t => new ModelUse(MetadataNameOf(t.OriginalDefinition), t.ToDisplayString(TypeShapes.FullyQualified))).Distinct().ToImmutableArray();

    /// <summary>The type if this compilation declares it; null for a type of a referenced assembly or one that is gone.</summary>
    public INamedTypeSymbol? InSource(Compilation compilation) => compilation.Assembly.GetTypeByMetadataName(MetadataName);

    /// <summary>
    /// Namespace, then the enclosing types joined by <c>+</c>, each with its generic arity: what <c>GetTypeByMetadataName</c>
    /// takes. Not <see cref="TypeShapes.MetadataName"/>, which writes the namespace as C# source does (<c>@class</c> for a
    /// namespace named by a keyword): right for comparing with NetGen's known names and for hint names, but a name
    /// <c>GetTypeByMetadataName</c> would not find.
    /// </summary>
    private static string MetadataNameOf(INamedTypeSymbol type)
    {
        var parts = new Stack<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            parts.Push(current.MetadataName);
        }

        var name = string.Join("+", parts);
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            name = ns.MetadataName + "." + name;
        }

        return name;
    }
}
