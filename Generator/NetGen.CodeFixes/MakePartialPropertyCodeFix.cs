using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0003: turns a layer member into the declaration NetGen implements, a partial get-only property:
/// <c>public Conv2d conv1 { get; set; }</c> becomes <c>public partial Conv2d conv1 { get; }</c>.
/// </summary>
/// <remarks>
/// The diagnostic sits on the property's name. The fix keeps attributes, accessibility, type and name;
/// adds <c>partial</c> as the last modifier (before the type, where C# requires it); drops
/// <c>static</c>; and replaces accessors, an expression body or an initializer with <c>{ get; }</c>.
/// A member that is not a property (a field carrying layer attributes) is not reported as NG0003, so it
/// gets nothing here.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialPropertyCodeFix)), Shared]
public sealed class MakePartialPropertyCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "NetGen.MakePartialProperty";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MemberMustBePartialProperty);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not PropertyDeclarationSyntax property)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Make '{property.Identifier.Text}' a partial get-only property", ct => FixAsync(context.Document, property, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, PropertyDeclarationSyntax property, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return document.WithSyntaxRoot(root!.ReplaceNode(property, PartialGetOnly(property)));
    }

    private static PropertyDeclarationSyntax PartialGetOnly(PropertyDeclarationSyntax property)
    {
        var fixedProperty = property.WithModifiers(PartialModifiers(property))
            .WithType(property.Type.WithLeadingTrivia(property.Modifiers.Count == 0 ? default : property.Type.GetLeadingTrivia()));
        var getOnly = SyntaxFactory.AccessorList(
            SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.Space),
            SyntaxFactory.SingletonList(SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration)
                .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(SyntaxFactory.Space))),
            SyntaxFactory.Token(SyntaxKind.CloseBraceToken));

        // What ends the declaration now (a closing brace or a semicolon) carries its trailing trivia.
        var end = property.GetLastToken();
        return fixedProperty
            .WithIdentifier(property.Identifier.WithTrailingTrivia(SyntaxFactory.Space))
            .WithExpressionBody(null)
            .WithInitializer(null)
            .WithSemicolonToken(default)
            .WithAccessorList(getOnly.WithCloseBraceToken(getOnly.CloseBraceToken.WithTrailingTrivia(end.TrailingTrivia)));
    }

    /// <summary>The property's modifiers without <c>static</c>, with <c>partial</c> last.</summary>
    private static SyntaxTokenList PartialModifiers(PropertyDeclarationSyntax property)
    {
        var kept = property.Modifiers.Where(m => !m.IsKind(SyntaxKind.StaticKeyword) && !m.IsKind(SyntaxKind.PartialKeyword)).ToList();
        var leading = property.Modifiers.Count > 0 ? property.Modifiers[0].LeadingTrivia : property.Type.GetLeadingTrivia();
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        var tokens = kept.Select(m => m.WithLeadingTrivia().WithTrailingTrivia(SyntaxFactory.Space)).Append(partial).ToList();
        tokens[0] = tokens[0].WithLeadingTrivia(leading);
        return SyntaxFactory.TokenList(tokens);
    }
}
