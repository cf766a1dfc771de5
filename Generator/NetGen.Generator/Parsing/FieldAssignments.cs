using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Whether code of the model may assign one of its fields after its initializer ran: read from the syntax alone, and
/// erring towards yes. Any assignment, <c>ref</c> or <c>out</c> argument, or increment whose target mentions the name
/// counts, whatever object it is on, so that a private field that is never assigned is known to hold what its
/// initializer built.
/// </summary>
internal static class FieldAssignments
{
    public static bool MayAssign(INamedTypeSymbol model, string name) =>
        TypeShapes.UserSyntax(model).Any(declaration => declaration.DescendantNodes().Any(node => Writes(node, name)));

    private static bool Writes(SyntaxNode node, string name) => node switch
    {
        AssignmentExpressionSyntax assignment => Mentions(assignment.Left, name),
        ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => Mentions(argument.Expression, name),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } step => Mentions(step.Operand, name),
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } step => Mentions(step.Operand, name),
        RefExpressionSyntax reference => Mentions(reference.Expression, name),
        _ => false,
    };

    /// <summary>
    /// Whether code of the model may change what a container field holds (TorchSharp's <c>Sequential.append</c>,
    /// <c>ModuleList.Add</c>, <c>Insert</c>, an element assigned): any use of the field but a call of a method known to
    /// leave the children as they are, a read of an element, or a <c>foreach</c> over it, counts, and so does handing it
    /// to other code (an argument, a value assigned or returned), which might. Only a use of this name is bound, to
    /// tell the field from another symbol of its name (the generated <c>Keys.layers</c>).
    /// </summary>
    public static bool MayChangeContents(ISymbol field, INamedTypeSymbol model, Compilation compilation) =>
        AnyUse(field, model, compilation, use => !OnlyReads(use));

    /// <summary>
    /// Whether code of the model may change a Parameter field's shape: a method that works in place (<c>unsqueeze_</c>, <c>t_</c>,
    /// any name ending in '_'), or the tensor kept under another name or handed to code that is not
    /// TorchSharp's, which might. An operand of an operator, a method that returns a new tensor, and an argument of a
    /// TorchSharp function (<c>cat</c>, <c>nn.init.trunc_normal_</c>) leave it as it is.
    /// </summary>
    public static bool MayChangeShape(ISymbol field, INamedTypeSymbol model, Compilation compilation) =>
        AnyUse(field, model, compilation, use => !KeepsShape(use, compilation));

    /// <summary>
    /// Whether some use of the field in the model's code meets <paramref name="changes"/>, which is asked of the field as
    /// written (<c>this.pos</c> as a whole). The cheap syntactic question is asked first; only then is the name bound.
    /// </summary>
    private static bool AnyUse(ISymbol field, INamedTypeSymbol model, Compilation compilation, System.Func<SyntaxNode, bool> changes) =>
        TypeShapes.UserSyntax(model).Any(declaration => declaration.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Any(identifier => identifier.Identifier.ValueText == field.Name && changes(Qualified(identifier)) && MayBe(field, identifier, compilation)));

    /// <summary>The field as written: <c>this.features</c> is the field too.</summary>
    private static SyntaxNode Qualified(IdentifierNameSyntax identifier) =>
        identifier.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == identifier ? qualified : identifier;

    private static bool KeepsShape(SyntaxNode use, Compilation compilation)
    {
        while (use.Parent is ParenthesizedExpressionSyntax)
        {
            use = use.Parent;
        }

        return use.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Expression == use => !access.Name.Identifier.ValueText.EndsWith("_", System.StringComparison.Ordinal),
            // Arithmetic makes a new tensor; as, is and ?? are not arithmetic (as and ?? give the same tensor back).
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression or (int)SyntaxKind.SubtractExpression or (int)SyntaxKind.MultiplyExpression or (int)SyntaxKind.DivideExpression } => true,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } => true,
            ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None } argument => TorchSharpKeepsShape(argument.Parent?.Parent, compilation),
            // new[] { cls, x } handed straight to a TorchSharp function (cat).
            InitializerExpressionSyntax { Parent: ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax } array =>
                array.Parent!.Parent is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None } handed && TorchSharpKeepsShape(handed.Parent?.Parent, compilation),
            _ => false,
        };
    }

    /// <summary>Whether the call is one of TorchSharp's that cannot change its tensor arguments' shapes: not an in-place one, or an initialiser.</summary>
    private static bool TorchSharpKeepsShape(SyntaxNode? call, Compilation compilation) =>
        call is InvocationExpressionSyntax or ObjectCreationExpressionSyntax
        && compilation.GetSemanticModel(call.SyntaxTree).GetSymbolInfo(call).Symbol is IMethodSymbol method
        && method.ContainingNamespace?.ToDisplayString() is { } space && (space == "TorchSharp" || space.StartsWith("TorchSharp.", System.StringComparison.Ordinal))
        && (!method.Name.EndsWith("_", System.StringComparison.Ordinal) || TypeShapes.MetadataName(method.ContainingType) == "TorchSharp.torch+nn+init");

    /// <summary>
    /// Whether the name may refer to the field: it binds to it, or to nothing at all where nothing but the field could be
    /// meant. A member of something that does not bind (<c>Keys.layers</c> before NetGen wrote <c>Keys</c>) is not the field.
    /// </summary>
    private static bool MayBe(ISymbol field, IdentifierNameSyntax identifier, Compilation compilation)
    {
        var info = compilation.GetSemanticModel(identifier.SyntaxTree).GetSymbolInfo(identifier);
        if (info.Symbol is { } symbol)
        {
            return SymbolEqualityComparer.Default.Equals(symbol, field);
        }

        var qualified = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier && access.Expression is not ThisExpressionSyntax;
        return info.CandidateSymbols.Any(c => SymbolEqualityComparer.Default.Equals(c, field)) || info.CandidateSymbols.IsEmpty && !qualified;
    }

    /// <summary>Members of a Sequential or ModuleList that leave its children as they are.</summary>
    private static readonly HashSet<string> Reading = new(System.StringComparer.Ordinal)
    {
        "call", "forward", "children", "named_children", "modules", "named_modules", "parameters", "named_parameters",
        "buffers", "named_buffers", "state_dict", "train", "eval", "to", "Count", "Contains", "IndexOf", "GetEnumerator",
    };

    private static bool OnlyReads(SyntaxNode use) => use.Parent switch
    {
        MemberAccessExpressionSyntax access when access.Expression == use => Reading.Contains(access.Name.Identifier.ValueText),
        ElementAccessExpressionSyntax element when element.Expression == use => !Writes(element.Parent!, element),
        ForEachStatementSyntax loop => loop.Expression == use,
        _ => false,
    };

    /// <summary>Whether <paramref name="node"/> writes <paramref name="target"/> itself: assigns it, or passes it by <c>ref</c> or <c>out</c>.</summary>
    private static bool Writes(SyntaxNode node, SyntaxNode target) => node switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left == target,
        ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } => true,
        RefExpressionSyntax => true,
        _ => false,
    };

    private static bool Mentions(SyntaxNode target, string name) =>
        target.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(identifier => identifier.Identifier.ValueText == name);
}
