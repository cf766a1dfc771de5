using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator;

/// <summary>
/// Finds the <c>[Model]</c> classes and parses each, or answers from the last compilation (<see cref="ParseReuse"/>).
/// Roslyn's <c>ForAttributeWithMetadataName</c> would bind every class's attributes on every keystroke before NetGen
/// could reuse anything; here a class whose files cannot read differently costs no binding at all, and a class no
/// attribute of which could be <c>[Model]</c> is never bound. The analyzer answers from the same readings
/// (<see cref="Analyzer.ModelResolver"/>), so that a build parses each model once, not twice.
/// </summary>
internal static class ModelFinder
{
    /// <summary>Which classes are looked at: those with attributes. Syntax only, run again only for edited files.</summary>
    public static bool MayBeModel(SyntaxNode node) => node is ClassDeclarationSyntax { AttributeLists.Count: > 0 };

    /// <summary>
    /// The model's parse result when <paramref name="context"/>'s class is a model's primary declaration (the first
    /// that carries <c>[Model]</c>: a second is the compiler's error, not a second file); otherwise null. An
    /// exception here would surface as CS8785 and silently drop the user's code; the analyzer reports it as NG0099.
    /// </summary>
    public static ModelParseResult? Find(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (ClassDeclarationSyntax)context.Node;
        var compilation = context.SemanticModel.Compilation;
        var declarations = CompilationDeclarations.Of(compilation);
        return ParseReuse.GetOrParse(declaration, declarations, () => Read(declaration, context.SemanticModel, declarations, cancellationToken)).Result;
    }

    /// <summary>The parse, with the block types the model uses, which the analyzer needs when it reuses this reading.</summary>
    private static ParseReuse.FreshParse Read(ClassDeclarationSyntax declaration, SemanticModel semanticModel, CompilationDeclarations declarations, CancellationToken cancellationToken)
    {
        if (!MayNameModelAttribute(declaration, declarations)
            || semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return ParseReuse.FreshParse.NoModel(null);
        }

        if (!type.GetAttributes().Any(a => AttributeKinds.IsModelAttribute(a.AttributeClass)) || !ModelDeclarations.IsPrimary(type, declaration))
        {
            return ParseReuse.FreshParse.NoModel(type);
        }

        try
        {
            return ParseReuse.FreshParse.Of(type, declaration, semanticModel.Compilation, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _ = exception;
            return new ParseReuse.FreshParse(new ModelParseResult(null, ShellOrNull(type), EquatableArray<DiagnosticInfo>.Empty), type, ImmutableArray<ModelUse>.Empty);
        }
    }

    /// <summary>
    /// Whether an attribute of the class may be <c>[Model]</c>, from its syntax: one named <c>Model</c> or
    /// <c>ModelAttribute</c> (however qualified), or any at all when an alias could give NetGen's attribute another name.
    /// </summary>
    private static bool MayNameModelAttribute(ClassDeclarationSyntax declaration, CompilationDeclarations declarations) =>
        declarations.HasGlobalAliases
        || UsingAliases.HasFileLocal(declaration.SyntaxTree)
        || declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => RightmostName(a.Name) is "Model" or "ModelAttribute");

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };

    /// <summary>The outside of a model whose parsing failed, so that a stub still implements its partial members; null if even that fails.</summary>
    private static ModelShell? ShellOrNull(INamedTypeSymbol type)
    {
        try
        {
            return ShellReader.Read(type, ConstructorParser.Parse(type, new System.Collections.Generic.List<DiagnosticInfo>()));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _ = exception;
            return null;
        }
    }
}
