using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Descriptors;

/// <summary>A NetGen model from a referenced assembly that this NetGen cannot read: why, so that its uses say so.</summary>
/// <param name="FullyQualifiedName">The type as a use of it names it: <c>global::Blocks.Stem</c>, <c>global::Blocks.Box&lt;T&gt;</c>.</param>
/// <param name="Problem">Why, and what to do: it names the assembly, so the user knows what to rebuild.</param>
internal sealed record UnreadableModel(string FullyQualifiedName, string Problem);

/// <summary>The NetGen models of every referenced assembly, as read from their descriptors.</summary>
internal sealed record ReferencedModelSet(EquatableArray<ModelSpec> Models, EquatableArray<UnreadableModel> Unreadable)
{
    public static readonly ReferencedModelSet Empty = new(EquatableArray<ModelSpec>.Empty, EquatableArray<UnreadableModel>.Empty);

    /// <summary>
    /// The catalog with the unreadable models its models use, so those uses say why they are unchecked. Only
    /// those: a catalog depends on nothing else, so one model's analysis stays cached when others change.
    /// </summary>
    public ModelCatalog Complete(ModelCatalog catalog)
    {
        if (Unreadable.IsEmpty)
        {
            return catalog;
        }

        var used = new HashSet<string>(catalog.Models.SelectMany(Dependencies.Direct), System.StringComparer.Ordinal);
        return catalog with { Unreadable = Unreadable.Where(u => used.Contains(u.FullyQualifiedName)).ToEquatableArray() };
    }
}

/// <summary>
/// Reads the <c>ModelDescriptor</c> attributes of referenced assemblies. Only assemblies that reference
/// NetGen's attributes are looked at, and each assembly's descriptors are read once: Roslyn hands every
/// compilation that keeps a reference the same assembly symbol, so a keystroke costs a lookup per reference.
/// </summary>
internal static class ReferencedModels
{
    private static readonly ConditionalWeakTable<IAssemblySymbol, AssemblyModels> ReadOnce = new();

    public static ReferencedModelSet Read(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var models = new List<ModelSpec>();
        var unreadable = new List<UnreadableModel>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == KnownNames.AttributesAssembly)))
            {
                var described = ReadOnce.GetValue(assembly, ReadAssembly);
                models.AddRange(described.Models);
                unreadable.AddRange(described.Unreadable);
            }
        }

        return new ReferencedModelSet(models.ToEquatableArray(), unreadable.ToEquatableArray());
    }

    private static AssemblyModels ReadAssembly(IAssemblySymbol assembly)
    {
        var models = new List<ModelSpec>();
        var unreadable = new List<UnreadableModel>();
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type || TypeShapes.MetadataName(type) != KnownNames.ModelDescriptorAttribute
                || type.ContainingAssembly?.Name != KnownNames.AttributesAssembly
                || attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol described
                || attribute.ConstructorArguments[1].Value is not string text)
            {
                continue;
            }

            var model = ModelDescriptor.Read(text, out var problem);
            if (model is null)
            {
                var name = described.OriginalDefinition.ToDisplayString(TypeShapes.FullyQualified);
                unreadable.Add(new UnreadableModel(name, $"{assembly.Identity.Name}'s descriptor of it {problem}; rebuild {assembly.Identity.Name} with this project's NetGen"));
            }
            else
            {
                models.Add(model);
            }
        }

        return new AssemblyModels(models, unreadable);
    }

    /// <summary>What one referenced assembly describes.</summary>
    private sealed class AssemblyModels
    {
        public AssemblyModels(IReadOnlyList<ModelSpec> models, IReadOnlyList<UnreadableModel> unreadable)
        {
            Models = models;
            Unreadable = unreadable;
        }

        public IReadOnlyList<ModelSpec> Models { get; }

        public IReadOnlyList<UnreadableModel> Unreadable { get; }
    }
}
