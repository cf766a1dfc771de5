using System;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Catalogue;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>What a NetGen attribute on a member or model is.</summary>
internal enum AttributeKind
{
    /// <summary>Not one of NetGen's attributes.</summary>
    None,
    Block,
    Repeat,
    When,
    Branch,
    Init,
    Factory,
    Parameter,
    Contract,
    /// <summary><c>[Residual]</c> on a member: a shortcut around part of the forward.</summary>
    Residual,
    /// <summary><c>[Auxiliary]</c>: a member the generated forward does not run.</summary>
    Auxiliary,
    /// <summary><c>[ForEach]</c>: a Sequential member built from a stage table.</summary>
    ForEach,
    /// <summary>A layer attribute NetGen knows (including <c>[Block&lt;T&gt;]</c>).</summary>
    Layer,
    /// <summary>A class derived from <c>LayerAttribute</c> that is not NetGen's: NetGen cannot know its layer.</summary>
    ForeignLayer,
}

/// <summary>
/// Recognises NetGen's attributes by full metadata name and defining assembly, so that a user's
/// attribute of the same simple name in another namespace is never taken for NetGen's.
/// </summary>
internal static class AttributeKinds
{
    public static AttributeKind Classify(INamedTypeSymbol? attributeClass, out LayerKind layer)
    {
        layer = default;
        if (attributeClass is null)
        {
            return AttributeKind.None;
        }

        var definition = attributeClass.OriginalDefinition;
        if (!IsNetGens(definition))
        {
            return DerivesFromLayerAttribute(definition) ? AttributeKind.ForeignLayer : AttributeKind.None;
        }

        switch (TypeShapes.MetadataName(definition))
        {
            case KnownNames.BlockAttribute: return AttributeKind.Block;
            case KnownNames.RepeatAttribute: return AttributeKind.Repeat;
            case KnownNames.WhenAttribute: return AttributeKind.When;
            case KnownNames.BranchAttribute: return AttributeKind.Branch;
            case KnownNames.InitAttribute: return AttributeKind.Init;
            case KnownNames.FactoryAttribute: return AttributeKind.Factory;
            case KnownNames.ParameterAttribute: return AttributeKind.Parameter;
            case KnownNames.ContractAttribute: return AttributeKind.Contract;
            case KnownNames.ForEachAttribute: return AttributeKind.ForEach;
            case KnownNames.ResidualAttribute: return AttributeKind.Residual;
            case KnownNames.AuxiliaryAttribute: return AttributeKind.Auxiliary;
            case KnownNames.BlockOfTAttribute:
            case KnownNames.DenseBlockAttribute:
            case KnownNames.StageAttribute:
                layer = LayerKind.Block;
                return AttributeKind.Layer;
        }

        if (DerivesFromLayerAttribute(definition))
        {
            const string suffix = "Attribute";
            var name = definition.Name.EndsWith(suffix, StringComparison.Ordinal) ? definition.Name.Substring(0, definition.Name.Length - suffix.Length) : definition.Name;
            layer = new LayerKind(name);
            return LayerCatalogue.Find(name) is not null ? AttributeKind.Layer : AttributeKind.ForeignLayer;
        }

        return AttributeKind.None;
    }

    /// <summary>Whether this is NetGen's <c>[Model]</c>.</summary>
    public static bool IsModelAttribute(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && IsNetGens(attributeClass) && TypeShapes.MetadataName(attributeClass) == KnownNames.ModelAttribute;

    /// <summary>Whether this is NetGen's <c>[Init&lt;TLayer&gt;]</c>.</summary>
    public static bool IsInitOfType(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && IsNetGens(attributeClass.OriginalDefinition) && TypeShapes.MetadataName(attributeClass.OriginalDefinition) == KnownNames.InitOfTypeAttribute;

    /// <summary>Whether this is NetGen's <c>[Residual]</c>.</summary>
    public static bool IsResidual(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && IsNetGens(attributeClass) && TypeShapes.MetadataName(attributeClass) == KnownNames.ResidualAttribute;

    /// <summary>Whether this is the NetGen attribute of full metadata name <paramref name="metadataName"/> (a wiring attribute such as <c>[Gate]</c>).</summary>
    public static bool Is(INamedTypeSymbol? attributeClass, string metadataName) =>
        attributeClass is not null && IsNetGens(attributeClass) && TypeShapes.MetadataName(attributeClass) == metadataName;

    private static bool IsNetGens(INamedTypeSymbol type) =>
        type.ContainingAssembly?.Name == KnownNames.AttributesAssembly && type.ContainingNamespace?.ToDisplayString() == "NetGen";

    private static bool DerivesFromLayerAttribute(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (TypeShapes.MetadataName(current) == KnownNames.LayerAttributeBase && current.ContainingAssembly?.Name == KnownNames.AttributesAssembly)
            {
                return true;
            }
        }

        return false;
    }
}
