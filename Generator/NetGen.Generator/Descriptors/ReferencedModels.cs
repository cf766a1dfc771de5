using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Descriptors;

/// <summary>A NetGen model from a referenced assembly that this NetGen cannot read: why, so that its uses say so.</summary>
internal sealed record UnreadableModel(string FullyQualifiedName, string Problem);

/// <summary>The NetGen models of every referenced assembly, as read from their descriptors.</summary>
internal sealed record ReferencedModelSet(EquatableArray<ModelSpec> Models, EquatableArray<UnreadableModel> Unreadable)
{
    public static readonly ReferencedModelSet Empty = new(EquatableArray<ModelSpec>.Empty, EquatableArray<UnreadableModel>.Empty);
}

/// <summary>
/// Reads the <c>ModelDescriptor</c> attributes of referenced assemblies. Only assemblies that reference
/// NetGen's attributes are looked at, so the cost per compilation is a glance at each reference.
/// </summary>
internal static class ReferencedModels
{
    public static ReferencedModelSet Read(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var models = new List<ModelSpec>();
        var unreadable = new List<UnreadableModel>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == KnownNames.AttributesAssembly)))
            {
                continue;
            }

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
                var name = described.ConstructUnboundGenericIfGeneric().ToDisplayString(TypeShapes.FullyQualified);
                if (model is null)
                {
                    unreadable.Add(new UnreadableModel(name, problem ?? "unreadable"));
                }
                else
                {
                    models.Add(model);
                }
            }
        }

        return new ReferencedModelSet(models.ToEquatableArray(), unreadable.ToEquatableArray());
    }

    private static INamedTypeSymbol ConstructUnboundGenericIfGeneric(this INamedTypeSymbol type) =>
        type.IsGenericType && !type.IsUnboundGenericType ? type.ConstructUnboundGenericType() : type;
}
