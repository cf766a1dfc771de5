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

    /// <summary>Whether a parameter type, as <see cref="FullyQualified"/> writes it, is an integer that converts to <c>long</c>.</summary>
    public static bool IsIntegerTypeName(string typeName) => typeName is "int" or "long" or "short" or "byte" or "sbyte" or "ushort" or "uint";

    public static bool IsSequential(ITypeSymbol type) => MetadataName(type) == KnownNames.Sequential;

    /// <summary>The layer kind whose TorchSharp module type this is, if any.</summary>
    public static LayerKind? LayerKindOf(ITypeSymbol type)
    {
        if (type.ContainingNamespace?.ToDisplayString() != KnownNames.TorchModulesNamespace)
        {
            return null;
        }

        return System.Enum.TryParse<LayerKind>(type.Name, out var kind) ? kind : null;
    }

    public static TypeDeclInfo DeclarationOf(INamedTypeSymbol type)
    {
        var keyword = type.IsRecord ? (type.IsValueType ? "record struct" : "record") : type.TypeKind switch
        {
            TypeKind.Struct => "struct",
            TypeKind.Interface => "interface",
            _ => "class",
        };
        var name = type.TypeParameters.IsEmpty ? type.Name : type.Name + "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";
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
