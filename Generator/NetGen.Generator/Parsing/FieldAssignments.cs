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

    private static bool Mentions(SyntaxNode target, string name) =>
        target.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(identifier => identifier.Identifier.ValueText == name);
}
