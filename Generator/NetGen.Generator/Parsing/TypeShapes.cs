using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Questions about types and declarations that the parser asks of symbols.</summary>
internal static class TypeShapes
{
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>As <see cref="FullyQualified"/>, with <c>?</c> on nullable reference types: how a declaration repeats a type.</summary>
    public static readonly SymbolDisplayFormat FullyQualifiedNullable = FullyQualified
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string MetadataName(ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + NestedMetadataName(type) : NestedMetadataName(type);

    private static string NestedMetadataName(ITypeSymbol type) =>
        type.ContainingType is null ? type.MetadataName : NestedMetadataName(type.ContainingType) + "+" + type.MetadataName;

    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));

    public static bool IsModuleOfTensor(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && MetadataName(current.OriginalDefinition) == KnownNames.ModuleOfTensor
                && current.TypeArguments.All(a => MetadataName(a) == KnownNames.Tensor))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the type is TorchSharp's <c>ModuleList&lt;T&gt;</c> of modules that each take one tensor and give one.</summary>
    public static bool IsModuleListOfTensor(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments: [var element] } list
        && MetadataName(list.OriginalDefinition) == KnownNames.ModuleList && IsModuleOfTensor(element);

    /// <summary>Whether the type is a TorchSharp module of any signature.</summary>
    public static bool IsModule(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (MetadataName(current.OriginalDefinition) == KnownNames.Module)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the type is a NetGen model (it carries <c>[Model]</c>), in this compilation or a referenced one.</summary>
    public static bool IsNetGenModel(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && named.OriginalDefinition.GetAttributes().Any(a => AttributeKinds.IsModelAttribute(a.AttributeClass));

    /// <summary>
    /// Whether every declaration of the symbol is in a file this generator wrote. An analyzer sees the
    /// generated code too, and must read the model as the user wrote it.
    /// </summary>
    public static bool IsNetGenGenerated(ISymbol symbol) =>
        symbol.DeclaringSyntaxReferences.Length > 0 && symbol.DeclaringSyntaxReferences.All(r => IsNetGenTree(r.SyntaxTree));

    /// <summary>The declarations the user wrote, leaving out the parts NetGen generated.</summary>
    public static System.Collections.Generic.IEnumerable<SyntaxNode> UserSyntax(ISymbol symbol) =>
        symbol.DeclaringSyntaxReferences.Where(r => !IsNetGenTree(r.SyntaxTree)).Select(r => r.GetSyntax());

    /// <summary>Generated trees live under a path naming the generator's type.</summary>
    public static bool IsNetGenTree(SyntaxTree tree) => tree.FilePath.Contains(GeneratedPathMarker);

    private const string GeneratedPathMarker = "NetGen.Generator.NetGenGenerator";

    /// <summary>A path for a tree NetGen writes itself, which <see cref="IsNetGenTree"/> recognises.</summary>
    public static string GeneratedPathFor(string name) => "NetGen.Generator/" + GeneratedPathMarker + "/" + name;

    /// <summary>A partial property declaration with accessors and no bodies: the part NetGen implements.</summary>
    public static bool IsPartialDefinition(PropertyDeclarationSyntax syntax) =>
        syntax.Modifiers.Any(SyntaxKind.PartialKeyword) && syntax.ExpressionBody is null && syntax.AccessorList is { } accessors
        && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);

    /// <summary>Whether the user wrote the implementing part of a partial property (not NetGen).</summary>
    public static bool HasHandWrittenImplementation(IPropertySymbol property) =>
        property.ContainingType.DeclaringSyntaxReferences
            .Where(r => !IsNetGenTree(r.SyntaxTree))
            .Select(r => r.GetSyntax())
            .OfType<TypeDeclarationSyntax>()
            .SelectMany(t => t.Members.OfType<PropertyDeclarationSyntax>())
            .Any(p => p.Identifier.ValueText == property.Name && !IsPartialDefinition(p));

    /// <summary>Whether a parameter type, as <see cref="FullyQualified"/> writes it, is an integer that converts to <c>long</c>.</summary>
    public static bool IsIntegerTypeName(string typeName) => typeName is "int" or "long" or "short" or "byte" or "sbyte" or "ushort" or "uint";

    public static bool IsSequential(ITypeSymbol type) => MetadataName(type) == KnownNames.Sequential;

    /// <summary>The layer kind whose module type (a TorchSharp module, or one of NetGen's runtime) this is, if any.</summary>
    public static LayerKind? LayerKindOf(ITypeSymbol type) =>
        Catalogue.LayerCatalogue.Find(type.Name) is { } entry && entry.ModuleType == type.ToDisplayString(FullyQualified) ? new LayerKind(entry.Name) : null;

    public static TypeDeclInfo DeclarationOf(INamedTypeSymbol type)
    {
        var keyword = type.IsRecord ? (type.IsValueType ? "record struct" : "record") : type.TypeKind switch
        {
            TypeKind.Struct => "struct",
            TypeKind.Interface => "interface",
            _ => "class",
        };
        var name = Identifiers.Escape(type.Name);
        name = type.TypeParameters.IsEmpty ? name : name + "<" + string.Join(", ", type.TypeParameters.Select(p => Identifiers.Escape(p.Name))) + ">";
        return new TypeDeclInfo(keyword, name);
    }

    public static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    /// <summary>The name of an enum constant, so that enum arguments are stored by member name.</summary>
    public static string EnumMemberName(TypedConstant value)
    {
        if (value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
            {
                if (field.HasConstantValue && Equals(field.ConstantValue, value.Value))
                {
                    return field.Name;
                }
            }
        }

        return value.Value?.ToString() ?? "";
    }
}
