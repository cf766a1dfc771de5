using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Reads the outside of a model class: names, nesting, constructor signature, and the partial properties to implement.</summary>
internal static class ShellReader
{
    public static ModelShell Read(INamedTypeSymbol type, ConstructorInfo constructor)
    {
        var metadataName = TypeShapes.MetadataName(type);
        var shell = new ModelShell(
            Namespace: type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            Name: type.Name,
            MetadataName: metadataName,
            HintName: HintNames.For(metadataName),
            ContainingTypes: ContainingTypes(type),
            Declaration: TypeShapes.DeclarationOf(type),
            Parameters: constructor.Parameters,
            HasPartialConstructor: constructor.IsPartial,
            ConstructorAccessibility: constructor.Accessibility,
            DeclaresForward: type.GetMembers("forward").OfType<IMethodSymbol>()
                .Any(m => !m.IsImplicitlyDeclared && m.Parameters.Length == 1 && !TypeShapes.IsNetGenGenerated(m)),
            PartialProperties: PartialProperties(type),
            BaseArguments: BaseArguments(type),
            TakenNames: type.GetMembers().Where(m => !m.IsImplicitlyDeclared && !TypeShapes.IsNetGenGenerated(m)).Select(m => m.Name)
                .Concat(type.TypeParameters.Select(p => p.Name)).Append(type.Name).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray());
        return shell with
        {
            IsVisibleAtAssemblyLevel = IsVisibleAtAssemblyLevel(type),
            InheritedNames = InheritedNames(type, ReservedNames.GeneratedMembers.Concat(constructor.Parameters.Select(p => p.Name))),
            DeclaresOtherConstructor = type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared && !TypeShapes.IsNetGenGenerated(c)
                && !TypeShapes.UserSyntax(c).OfType<ConstructorDeclarationSyntax>().Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword) && d.Body is null && d.ExpressionBody is null)),
        };
    }

    /// <summary>Public, internal or protected internal, as is every type around it, and not file-local.</summary>
    private static bool IsVisibleAtAssemblyLevel(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal || current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Which of <paramref name="names"/> a base class already declares (TorchSharp's Module included). A base
    /// that is a NetGen model declares what NetGen generates into it, which this compilation does not show yet.
    /// </summary>
    private static EquatableArray<string> InheritedNames(INamedTypeSymbol type, System.Collections.Generic.IEnumerable<string> names)
    {
        var inherited = new System.Collections.Generic.SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var name in names)
        {
            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (baseType.GetMembers(name).Any(m => !m.IsImplicitlyDeclared)
                    || (TypeShapes.IsNetGenModel(baseType) && ReservedNames.GeneratedMembers.Contains(name)))
                {
                    inherited.Add(name);
                    break;
                }
            }
        }

        return inherited.ToEquatableArray();
    }

    /// <summary>
    /// <c>nameof(Net)</c> for TorchSharp's Module(string name). A class deriving from another model (an error
    /// NetGen reports) passes defaults, so that even its stub compiles.
    /// </summary>
    private static string BaseArguments(INamedTypeSymbol type)
    {
        if (type.BaseType is { } baseType && TypeShapes.IsNetGenModel(baseType))
        {
            var constructor = baseType.InstanceConstructors.OrderBy(c => c.Parameters.Length).FirstOrDefault();
            return constructor is null ? "" : string.Join(", ", constructor.Parameters.Select(p => "default(" + p.Type.ToDisplayString(TypeShapes.FullyQualified) + ")!"));
        }

        // nameof needs the type arguments of a generic model (nameof(Box<T>) is "Box").
        return "nameof(" + TypeShapes.DeclarationOf(type).NameWithTypeParameters + ")";
    }

    private static EquatableArray<TypeDeclInfo> ContainingTypes(INamedTypeSymbol type)
    {
        var chain = new System.Collections.Generic.List<TypeDeclInfo>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            chain.Insert(0, TypeShapes.DeclarationOf(outer));
        }

        return chain.ToEquatableArray();
    }

    /// <summary>Every partial property the user declared and did not implement: a stub must implement them all.</summary>
    private static EquatableArray<PartialPropertyInfo> PartialProperties(INamedTypeSymbol type) =>
        // One per name: a second declaration of a name is the compiler's error (CS0102), and two implementations would add another.
        type.GetMembers().OfType<IPropertySymbol>().GroupBy(p => p.Name).Select(g => g.First())
            .Select(p => (Property: p, Syntax: TypeShapes.UserSyntax(p).OfType<PropertyDeclarationSyntax>().FirstOrDefault()))
            .Where(p => p.Syntax is not null && TypeShapes.IsPartialDefinition(p.Syntax) && !TypeShapes.HasHandWrittenImplementation(p.Property))
            .Select(p => new PartialPropertyInfo(
                p.Property.Name,
                p.Property.Type.ToDisplayString(TypeShapes.FullyQualifiedNullable),
                TypeShapes.Accessibility(p.Property.DeclaredAccessibility),
                p.Property.IsStatic,
                string.Join(" ", p.Syntax!.AccessorList!.Accessors.Select(a => a.Keyword.ValueText)))
            { InheritanceModifiers = InheritanceModifiers(p.Syntax) })
            .ToEquatableArray();

    /// <summary>The modifiers both halves of a partial property must share beyond accessibility, e.g. <c>"new "</c>.</summary>
    public static string InheritanceModifiers(PropertyDeclarationSyntax? syntax) =>
        syntax is null ? "" : string.Concat(syntax.Modifiers
            .Where(m => m.IsKind(SyntaxKind.NewKeyword) || m.IsKind(SyntaxKind.VirtualKeyword) || m.IsKind(SyntaxKind.OverrideKeyword) || m.IsKind(SyntaxKind.SealedKeyword))
            .Select(m => m.ValueText + " "));
}
