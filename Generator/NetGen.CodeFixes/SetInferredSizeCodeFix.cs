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

namespace NetGen.CodeFixes;

/// <summary>
/// NG0101 / NG0102: sets the offending <c>in_channels</c>, <c>num_features</c>, <c>num_channels</c> or
/// <c>in_features</c> argument to the size the incoming data has.
/// </summary>
/// <remarks>
/// The diagnostic sits on the argument and carries the size in its <c>Expected</c> property, which the
/// generator adds only when that size is a plain integer; a symbolic or unknown size gets no fix. The
/// fix replaces the argument's expression (a literal, a product like <c>64 * 55 * 55</c>, or a
/// parameter name) with the integer literal and keeps the argument's name and trivia.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetInferredSizeCodeFix)), Shared]
public sealed class SetInferredSizeCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "NetGen.SetInferredSize";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.ChannelMismatch, DiagnosticIds.FeatureMismatch);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Expected, out var text)
                || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var expected)
                || FindArgument(root, diagnostic) is not { } argument)
            {
                continue;
            }

            var title = $"Set {SizeName(diagnostic.Id, argument)} to {expected.ToString(CultureInfo.InvariantCulture)}";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => SetAsync(context.Document, argument, expected, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static AttributeArgumentSyntax? FindArgument(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node.AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
    }

    /// <summary>PyTorch's name for the argument, read from the layer attribute it belongs to.</summary>
    private static string SizeName(string id, AttributeArgumentSyntax argument)
    {
        if (id == DiagnosticIds.FeatureMismatch)
        {
            return "in_features";
        }

        var layer = argument.FirstAncestorOrSelf<AttributeSyntax>()?.Name.ToString() ?? "";
        return layer.Contains("BatchNorm") ? "num_features" : layer.Contains("GroupNorm") ? "num_channels" : "in_channels";
    }

    private static async Task<Document> SetAsync(Document document, AttributeArgumentSyntax argument, int value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value))
            .WithTriviaFrom(argument.Expression);
        return document.WithSyntaxRoot(root!.ReplaceNode(argument.Expression, literal));
    }
}
