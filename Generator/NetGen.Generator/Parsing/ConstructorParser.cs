using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>The constructor NetGen will implement: the user's partial declaration, or a parameterless one.</summary>
/// <param name="Symbol">The partial constructor, for the parser's questions only; it never enters the pipeline.</param>
internal sealed record ConstructorInfo(EquatableArray<ParameterSpec> Parameters, bool IsPartial, string Accessibility, IMethodSymbol? Symbol);

/// <summary>
/// Finds the model's hyperparameters. NetGen writes the constructor body (creating and registering every
/// layer), so the user either declares none or declares a partial constructor whose parameters become
/// the names layer attributes may refer to.
/// </summary>
internal static class ConstructorParser
{
    public static ConstructorInfo Parse(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        ConstructorInfo? found = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            // The analyzer sees NetGen's own constructor too; the model is read as the user wrote it.
            if (constructor.IsImplicitlyDeclared || TypeShapes.IsNetGenGenerated(constructor))
            {
                continue;
            }

            var syntax = TypeShapes.UserSyntax(constructor).FirstOrDefault();
            var location = LocationInfo.From(syntax is ConstructorDeclarationSyntax c ? c.Identifier.GetLocation() : syntax?.GetLocation());
            if (syntax is TypeDeclarationSyntax)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstructorConflict, location, type.Name, "a primary constructor"));
                continue;
            }

            if (syntax is not ConstructorDeclarationSyntax declaration || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword) || declaration.Body is not null || declaration.ExpressionBody is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstructorConflict, location, type.Name, "a constructor with a body"));
                continue;
            }

            if (found is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstructorConflict, location, type.Name, "more than one partial constructor"));
                continue;
            }

            var parameters = constructor.Parameters
                .Select(p => new ParameterSpec(p.Name, p.Type.ToDisplayString(TypeShapes.FullyQualified), DefaultValue(p), p.IsParams) { EnumMembers = EnumMembers(p.Type) })
                .ToEquatableArray();
            found = new ConstructorInfo(parameters, IsPartial: true, TypeShapes.Accessibility(constructor.DeclaredAccessibility), constructor);
        }

        return found ?? new ConstructorInfo(EquatableArray<ParameterSpec>.Empty, IsPartial: false, "public", null);
    }

    /// <summary>An enum's members with their values (<c>GELU=1</c>); empty for any other type.</summary>
    private static EquatableArray<string> EnumMembers(ITypeSymbol type) => type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
        ? enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue)
            .Select(f => f.Name + "=" + System.Convert.ToString(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)).ToEquatableArray()
        : EquatableArray<string>.Empty;

    private static string? DefaultValue(IParameterSymbol parameter) =>
        parameter.HasExplicitDefaultValue ? ConstantText(parameter.ExplicitDefaultValue) : null;

    /// <summary>A constant as the shape walk reads a default: <c>64</c>, <c>0.5</c>, <c>true</c>, an enum by its underlying value.</summary>
    public static string ConstantText(object? constant)
    {
        return constant switch
        {
            null => "default",
            bool b => b ? "true" : "false",
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            var v => SymbolDisplay.FormatPrimitive(v, quoteStrings: true, useHexadecimalNumbers: false),
        };
    }
}
