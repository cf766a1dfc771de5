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
using NetGen.Generator.Parsing;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0105 on a <c>[Residual]</c> model that names no shortcut: adds the projection PyTorch's ResNet uses,
/// <c>[Conv2d(in, out, 1, Stride = s, Bias = false), BatchNorm2d(out)] public partial Sequential right { get; }</c>,
/// and sets <c>Shortcut = "right"</c> on <c>[Residual]</c>.
/// </summary>
/// <remarks>
/// Offered only when the model's own add fails (<c>ResidualPath</c> is <c>add</c>), the diagnostic sits on
/// the class (so no shortcut member exists: one that exists carries the diagnostic itself and gets no
/// fix), and the main path is a chain of <c>Conv2d</c> layers with size-keeping layers between them
/// (norms, activations, dropout) — no pooling, flatten, linear, transposed convolution, branch or block,
/// whose effect a 1×1 convolution cannot reproduce. The projection's arguments are copied as written:
/// <c>in</c> from the first convolution's <c>in_channels</c> (or the first <c>Input</c> dimension when that
/// is omitted), <c>out</c> from the last convolution's <c>out_channels</c>, and <c>Stride</c> from the one
/// convolution whose <c>Stride</c> is not the literal 1 (no fix when two are strided). The member is
/// named <c>right</c> (else <c>shortcut</c>, <c>projection</c>) and goes after the last member. The
/// generator checks the result again.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddProjectionShortcutCodeFix)), Shared]
public sealed class AddProjectionShortcutCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "NetGen.AddProjectionShortcut";

    private static readonly string[] MemberNames = { "right", "shortcut", "projection" };

    /// <summary>Layers that change what a 1×1 projection could match, by attribute class name.</summary>
    private static readonly string[] Unprojectable = { "Pool", "Flatten", "Linear", "ConvTranspose", "Conv1d", "Upsample", "Block", "Repeat", "Branch" };

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ResidualShapeMismatch);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || model is null
                || !diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.ResidualPath, out var path) || path != "add"
                || root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not ClassDeclarationSyntax type
                || Plan(type, model, context.CancellationToken) is not { } plan)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Add the projection shortcut '{plan.Name}'", ct => AddAsync(context.Document, type, plan, ct), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>What to add: the member's name and text, and the [Residual] attribute to name it in.</summary>
    private sealed record Projection(string Name, string Attributes, string TypeName, AttributeSyntax Residual);

    private static Projection? Plan(ClassDeclarationSyntax type, SemanticModel model, CancellationToken cancellationToken)
    {
        var attributes = type.AttributeLists.SelectMany(l => l.Attributes).ToList();
        var residual = attributes.FirstOrDefault(a => AttributeName(a, model, cancellationToken) == KnownNames.ResidualAttribute);
        if (residual is null || residual.ArgumentList?.Arguments.Any(a => a.NameEquals?.Name.Identifier.Text == "Shortcut") == true
            || model.GetDeclaredSymbol(type, cancellationToken) is not { } symbol)
        {
            return null;
        }

        var convs = new List<AttributeSyntax>();
        foreach (var attribute in type.Members.OfType<PropertyDeclarationSyntax>().SelectMany(p => p.AttributeLists).SelectMany(l => l.Attributes))
        {
            var name = AttributeName(attribute, model, cancellationToken) ?? "";
            if (Unprojectable.Any(name.Contains))
            {
                return null;
            }

            if (name == "NetGen.Conv2dAttribute")
            {
                convs.Add(attribute);
            }
        }

        if (convs.Count == 0)
        {
            return null;
        }

        var inChannels = Positional(convs[0]) is { Count: 3 } first ? first[0] : FirstInputDimension(attributes, model, cancellationToken);
        var last = Positional(convs[convs.Count - 1]);
        var outChannels = last.Count == 3 ? last[1] : last.Count == 2 ? last[0] : null;
        var strides = convs.Select(Stride).Where(s => s is not null && s.ToString() != "1").ToList();
        var memberName = MemberNames.FirstOrDefault(n => symbol.GetMembers(n).IsEmpty);
        if (inChannels is null || outChannels is null || strides.Count > 1 || memberName is null)
        {
            return null;
        }

        // Layer attributes are spelled as the model spells Conv2d, so they bind the same way.
        var conv = convs[0].Name.ToString();
        var qualifier = conv.Substring(0, conv.Length - (conv.EndsWith("Attribute") ? "Conv2dAttribute" : "Conv2d").Length);
        var stride = strides.Count == 1 ? $", Stride = {strides[0]}" : "";
        var text = $"[{qualifier}Conv2d({inChannels}, {outChannels}, 1{stride}, Bias = false), {qualifier}BatchNorm2d({outChannels})]";
        return new Projection(memberName, text, SequentialName(model, type.SpanStart), residual);
    }

    private static string? AttributeName(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType?.OriginalDefinition.ToDisplayString();

    private static List<ExpressionSyntax> Positional(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).Select(a => a.Expression.WithoutTrivia()).ToList()
        ?? new List<ExpressionSyntax>();

    private static ExpressionSyntax? Stride(AttributeSyntax conv) =>
        conv.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Stride")?.Expression.WithoutTrivia();

    /// <summary>The channels of <c>[Model(Input = [c, ...])]</c>, for a first convolution that omits in_channels.</summary>
    private static ExpressionSyntax? FirstInputDimension(List<AttributeSyntax> attributes, SemanticModel model, CancellationToken cancellationToken)
    {
        var input = attributes.FirstOrDefault(a => AttributeName(a, model, cancellationToken) == KnownNames.ModelAttribute)?
            .ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Input")?.Expression;
        return input switch
        {
            CollectionExpressionSyntax { Elements: [ExpressionElementSyntax first, ..] } => first.Expression.WithoutTrivia(),
            ImplicitArrayCreationExpressionSyntax { Initializer.Expressions: [var first, ..] } => first.WithoutTrivia(),
            ArrayCreationExpressionSyntax { Initializer.Expressions: [var first, ..] } => first.WithoutTrivia(),
            _ => null,
        };
    }

    /// <summary><c>Sequential</c> where <c>TorchSharp.Modules</c> is imported, else its full name.</summary>
    private static string SequentialName(SemanticModel model, int position) =>
        model.LookupNamespacesAndTypes(position, name: "Sequential").Any(s => s.ToDisplayString() == KnownNames.Sequential)
            ? "Sequential"
            : "global::" + KnownNames.Sequential;

    private static async Task<Document> AddAsync(Document document, ClassDeclarationSyntax type, Projection plan, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var newLine = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
        var indent = IndentOf(type.Members.LastOrDefault(), type);
        var member = SyntaxFactory.ParseMemberDeclaration(
            $"{newLine}{indent}{plan.Attributes}{newLine}{indent}public partial {plan.TypeName} {plan.Name} {{ get; }}{newLine}")!;

        var shortcut = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Shortcut"), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
            null,
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(plan.Name)));
        var arguments = plan.Residual.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        var residual = plan.Residual.WithArgumentList(arguments.WithArguments(
            SyntaxFactory.SeparatedList(new[] { shortcut }.Concat(arguments.Arguments),
                arguments.Arguments.Select(_ => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space)))));

        var fixedType = type.ReplaceNode(plan.Residual, residual);
        fixedType = fixedType.WithMembers(fixedType.Members.Add((MemberDeclarationSyntax)member));
        return document.WithSyntaxRoot(root!.ReplaceNode(type, fixedType));
    }

    /// <summary>The whitespace before a member's first token; the class's own plus four spaces when it has none.</summary>
    private static string IndentOf(MemberDeclarationSyntax? member, ClassDeclarationSyntax type)
    {
        var leading = (member ?? (SyntaxNode)type).GetLeadingTrivia();
        var whitespace = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();
        return member is null ? whitespace + "    " : whitespace;
    }
}
