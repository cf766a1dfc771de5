using System.Collections.Generic;
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
/// NG0001: adds <c>partial</c> to the model's class and to every containing type that lacks it.
/// </summary>
/// <remarks>
/// The diagnostic sits on the model's name even when the type missing <c>partial</c> is a containing
/// one, so the fix walks from the model's declaration outwards. A type that is not partial has a single
/// declaration, so the syntax ancestors are all its declarations. Fix-all rewrites each document once,
/// so two nested models never add the keyword twice to their shared container.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeTypePartialCodeFix)), Shared]
public sealed class MakeTypePartialCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "NetGen.MakeTypePartial";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ModelMustBePartial);

    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var types = root is null ? new List<TypeDeclarationSyntax>() : TypesToMakePartial(root, diagnostic);
            if (types.Count == 0)
            {
                continue;
            }

            var title = types.Count == 1 ? $"Make '{types[0].Identifier.Text}' partial" : $"Make '{types[0].Identifier.Text}' and its containing types partial";
            context.RegisterCodeFix(
                CodeAction.Create(title, async ct => await FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct).ConfigureAwait(false) ?? context.Document, EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The model's declaration and its containing declarations that lack <c>partial</c>, innermost first.</summary>
    private static List<TypeDeclarationSyntax> TypesToMakePartial(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?
            .AncestorsAndSelf().OfType<TypeDeclarationSyntax>()
            .Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword))
            .ToList() ?? new List<TypeDeclarationSyntax>();

    private static async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var types = diagnostics.SelectMany(d => TypesToMakePartial(root, d)).Distinct().ToList();
        return document.WithSyntaxRoot(root.ReplaceNodes(types, (_, rewritten) => WithPartial(rewritten)));
    }

    /// <summary>Adds <c>partial</c> as the last modifier, right before the keyword, where C# requires it.</summary>
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Count > 0)
        {
            return type.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        }

        // With no modifiers, the keyword carries the indentation: move it to the new first token.
        var partial = SyntaxFactory.Token(type.Keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        return type.WithKeyword(type.Keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partial));
    }

    private sealed class FixAll : DocumentBasedFixAllProvider
    {
        public static readonly FixAll Instance = new();

        protected override string GetFixAllTitle(FixAllContext fixAllContext) => "Make all NetGen models partial";

        protected override Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            FixAsync(document, diagnostics, fixAllContext.CancellationToken);
    }
}
