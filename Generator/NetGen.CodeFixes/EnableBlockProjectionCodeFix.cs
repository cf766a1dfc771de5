using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Parsing;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0105 at a block's use site: turns on the projection shortcut the block offers, e.g.
/// <c>[Repeat&lt;ResidualBlock&gt;(3, First = ["w0", "w1", 2])]</c> becomes
/// <c>First = ["w0", "w1", 2, true]</c>.
/// </summary>
/// <remarks>
/// "The block offers one" means, precisely: the residual add that fails is the used block's own
/// (the diagnostic's <c>ResidualPath</c> is <c>member.add</c> for <c>[Block]</c>, <c>member.i.add</c> for
/// block <c>i</c> of a <c>[Repeat]</c> or of a <c>Sequential</c> of <c>[Block&lt;T&gt;]</c>, not a block
/// nested deeper); that block's <c>[Residual(Shortcut = "s")]</c> names a member <c>s</c> guarded by
/// <c>[When("p")]</c>; <c>p</c> is a <c>bool</c> parameter of the block's constructor; and the use site
/// leaves <c>p</c> out or passes the literal <c>false</c>. The fix passes <c>true</c> at <c>p</c>'s
/// position, filling parameters skipped before it with their declared defaults (no fix when one has none).
/// It does not prove the projection fits: the generator checks the result again.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnableBlockProjectionCodeFix)), Shared]
public sealed class EnableBlockProjectionCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "NetGen.EnableBlockProjection";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ResidualShapeMismatch);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.ResidualPath, out var path) || path is null
                || FindUseSite(root, model, diagnostic.Location.SourceSpan, path, context.CancellationToken) is not { } use
                || Projection(use.Block) is not { } parameter
                || Rewrite(use.Arguments, parameter) is not { } rewritten)
            {
                continue;
            }

            var title = $"Enable the projection shortcut of '{use.Block.Name}' ({parameter.Name}: true)";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, use.Arguments.Node, rewritten, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private sealed record UseSite(INamedTypeSymbol Block, BlockArgumentList Arguments);

    /// <summary>The block whose own add failed and the arguments its use site passes; null for a deeper or unknown add.</summary>
    private static UseSite? FindUseSite(SyntaxNode root, SemanticModel model, Microsoft.CodeAnalysis.Text.TextSpan span, string path, CancellationToken cancellationToken)
    {
        var segments = path.Split('.');
        if (segments.Length is < 2 or > 3 || segments[segments.Length - 1] != "add")
        {
            return null;
        }

        var index = segments.Length == 3 && int.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
        var node = root.FindNode(span, getInnermostNodeForTie: true);

        // A [Block<T>(...)] child of a Sequential: the diagnostic sits on that attribute.
        if (node.FirstAncestorOrSelf<AttributeSyntax>() is { } child && index >= 0
            && model.GetSymbolInfo(child, cancellationToken).Symbol?.ContainingType is { IsGenericType: true } childType
            && childType.OriginalDefinition.ToDisplayString() == "NetGen.BlockAttribute<TBlock>"
            && childType.TypeArguments[0] is INamedTypeSymbol childBlock)
        {
            return new UseSite(childBlock, BlockArgumentList.OfAttribute(child));
        }

        if (node.FirstAncestorOrSelf<PropertyDeclarationSyntax>() is not { } property || property.Identifier.Text != segments[0]
            || model.GetDeclaredSymbol(property, cancellationToken) is not { } propertySymbol)
        {
            return null;
        }

        foreach (var attribute in property.AttributeLists.SelectMany(l => l.Attributes))
        {
            var type = model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType;
            if (type?.ToDisplayString() == KnownNames.BlockAttribute && segments.Length == 2 && propertySymbol.Type is INamedTypeSymbol block)
            {
                return new UseSite(block, BlockArgumentList.OfAttribute(attribute));
            }

            if (type is { IsGenericType: true } && type.OriginalDefinition.ToDisplayString() == "NetGen.RepeatAttribute<TBlock>" && index >= 0
                && type.TypeArguments[0] is INamedTypeSymbol repeated
                && BlockArgumentList.OfRepeatList(attribute, index == 0 ? "First" : "Rest") is { } list)
            {
                return new UseSite(repeated, list);
            }
        }

        return null;
    }

    /// <summary>The bool constructor parameter that switches on the block's residual shortcut member, if it has one.</summary>
    private static IParameterSymbol? Projection(INamedTypeSymbol block)
    {
        var residual = block.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.ResidualAttribute);
        var shortcut = residual?.NamedArguments.FirstOrDefault(a => a.Key == "Shortcut").Value.Value as string;
        var guard = block.GetMembers(shortcut ?? "").OfType<IPropertySymbol>().FirstOrDefault()?
            .GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.WhenAttribute);
        if (guard?.ConstructorArguments.FirstOrDefault().Value is not string condition)
        {
            return null;
        }

        return block.InstanceConstructors
            .Where(c => !c.IsImplicitlyDeclared)
            .SelectMany(c => c.Parameters)
            .FirstOrDefault(p => p.Name == condition && p.Type.SpecialType == SpecialType.System_Boolean);
    }

    /// <summary>The use site's arguments with <c>true</c> at the parameter's position; null when it passes something else there.</summary>
    private static SyntaxNode? Rewrite(BlockArgumentList arguments, IParameterSymbol parameter)
    {
        var items = arguments.Items.ToList();
        var position = parameter.Ordinal;
        if (position < items.Count)
        {
            if (!items[position].IsKind(SyntaxKind.FalseLiteralExpression))
            {
                return null;
            }

            items[position] = True.WithTriviaFrom(items[position]);
            return arguments.With(items);
        }

        var parameters = ((IMethodSymbol)parameter.ContainingSymbol).Parameters;
        for (var i = items.Count; i < position; i++)
        {
            if (DefaultOf(parameters[i]) is not { } value)
            {
                return null;
            }

            items.Add(value);
        }

        items.Add(True);
        return arguments.With(items);
    }

    private static readonly ExpressionSyntax True = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);

    /// <summary>A parameter's declared default as a literal; null when it has none this fix can write.</summary>
    private static ExpressionSyntax? DefaultOf(IParameterSymbol parameter) => !parameter.HasExplicitDefaultValue ? null : parameter.ExplicitDefaultValue switch
    {
        bool b => SyntaxFactory.LiteralExpression(b ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression),
        int n => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(n)),
        long n => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(n)),
        double d => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(d)),
        string s => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(s)),
        _ => null,
    };

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return document.WithSyntaxRoot(root!.ReplaceNode(node, replacement));
    }
}
