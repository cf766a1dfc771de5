using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Generator.Parsing;

/// <summary>Which declaration of a partial model speaks for it.</summary>
internal static class ModelDeclarations
{
    /// <summary>
    /// The first of the model's declarations that carries <c>[Model]</c>: it alone is parsed, so a
    /// <c>[Model]</c> written on two partial halves (the compiler's CS0579) gives one generated file, not two.
    /// </summary>
    public static ClassDeclarationSyntax? Primary(INamedTypeSymbol type) =>
        type.GetAttributes()
            .Where(a => AttributeKinds.IsModelAttribute(a.AttributeClass))
            .Select(a => a.ApplicationSyntaxReference?.GetSyntax().Parent?.Parent as ClassDeclarationSyntax)
            .Where(c => c is not null)
            .OrderBy(c => c!.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(c => c!.SpanStart)
            .FirstOrDefault();

    public static bool IsPrimary(INamedTypeSymbol type, SyntaxNode node) =>
        Primary(type) is { } primary && primary.SyntaxTree == node.SyntaxTree && primary.Span == node.Span;
}
