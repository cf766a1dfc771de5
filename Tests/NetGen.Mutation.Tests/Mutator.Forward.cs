using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Mutation;

/// <summary>
/// Single edits of a hand-written <c>forward</c> body (issue 13): a join or split on the wrong dimension, a wrong
/// <c>view</c> size, a wrong <c>transpose</c> pair, a member called in another's place, a layout call or an
/// activation dropped, any other integer of a tensor call or an index off by one. None is inside an opaque
/// region: NetGen claims to check a forward it follows, and says (NG0110) where it stops following one.
/// </summary>
public static partial class Mutator
{
    private static readonly HashSet<string> JoinCalls = new(StringComparer.Ordinal) { "cat", "concat", "concatenate", "stack" };
    private static readonly HashSet<string> SplitCalls = new(StringComparer.Ordinal) { "chunk", "split", "tensor_split" };
    private static readonly HashSet<string> ViewCalls = new(StringComparer.Ordinal) { "view", "reshape" };
    private static readonly HashSet<string> TransposeCalls = new(StringComparer.Ordinal) { "transpose", "swapaxes", "permute" };

    /// <summary>Calls whose result has the shape of what they are called on, or whose shape change is the point: dropping one is an edit.
    /// <c>contiguous</c> is not among them: without it a later <c>view</c> fails on strides, which is no shape mistake.</summary>
    private static readonly HashSet<string> DroppableCalls = new(StringComparer.Ordinal)
    {
        "flatten", "transpose", "permute", "view", "reshape", "unsqueeze", "squeeze", "avg_pool2d", "max_pool2d", "interpolate",
        "relu", "gelu", "sigmoid", "tanh", "softmax",
    };

    /// <summary>Calls that are no tensor operation: the dispose scope.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal) { "NewDisposeScope", "MoveToOuterDisposeScope", "call", "forward" };

    /// <summary>Member types whose call does not take and give one tensor: another member cannot stand in for them, nor they for it.</summary>
    private static readonly HashSet<string> NotSwappable = new(StringComparer.Ordinal) { "Parameter", "LSTM", "GRU", "RNN", "MultiheadAttention" };

    private static void CollectForward(ClassDeclarationSyntax cls, SemanticModel model, List<Edit> edits)
    {
        var forward = cls.Members.OfType<MethodDeclarationSyntax>()
            .FirstOrDefault(m => m.Identifier.Text == "forward" && m.Modifiers.Any(SyntaxKind.OverrideKeyword) && m.Body is not null);
        if (forward is null)
        {
            return;
        }

        var where = $"{cls.Identifier.Text}.forward";
        foreach (var invocation in forward.Body!.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = CalledName(invocation);
            if (name is null || Bookkeeping.Contains(name))
            {
                continue;
            }

            LiteralEdits(invocation, name, $"{where}: {name}({invocation.ArgumentList.Arguments})", edits);
            if (DroppableCalls.Contains(name) && Kept(invocation) is { } kept)
            {
                var text = kept is IdentifierNameSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax
                    ? kept.ToString()
                    : $"({kept})";
                edits.Add(new Edit(MutationOperator.ForwardDropCall, $"{where}: drop {name}: {Shorten(invocation.ToString())} → {Shorten(text)}", root => Replace(root, invocation, text)));
            }
        }

        // Tensor indexing and picking one of a split's parts; not a C# shape array (shape[4] of a rank-4 tensor is an IndexOutOfRangeException, no tensor shape).
        foreach (var access in forward.Body!.DescendantNodes().OfType<ElementAccessExpressionSyntax>().Where(a => a.Expression is not MemberAccessExpressionSyntax { Name.Identifier.Text: "shape" }))
        {
            foreach (var argument in access.ArgumentList.Arguments)
            {
                if (IntLiteral(argument.Expression) is { } value)
                {
                    IntEdits(edits, MutationOperator.ForwardOther, argument.Expression, value, [value + 1, value - 1], $"{where}: index {access}");
                }
            }
        }

        SwapEdits(cls, forward, where, edits);
        ValueSwapEdits(forward, model, where, edits);
    }

    /// <summary>The called method's name: <c>cat</c> in <c>cat(...)</c>, <c>flatten</c> in <c>y.flatten(1)</c> and in <c>nn.functional.flatten(y)</c>.</summary>
    private static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.Text,
        IdentifierNameSyntax identifier => identifier.Identifier.Text,
        _ => null,
    };

    /// <summary>What is left when a call is dropped: the tensor it is called on, or a function's first argument.</summary>
    private static ExpressionSyntax? Kept(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax { Expression: var receiver } when !IsNamespaceLike(receiver) => receiver,
        _ => invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression,
    };

    /// <summary><c>nn.functional</c> or <c>torch</c>: the call is a function, its tensor is its first argument.</summary>
    private static bool IsNamespaceLike(ExpressionSyntax receiver) => receiver.ToString() is "nn.functional" or "functional" or "torch" or "F";

    private static void LiteralEdits(InvocationExpressionSyntax invocation, string name, string description, List<Edit> edits)
    {
        var arguments = invocation.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var named = argument.NameColon?.Name.Identifier.Text;
            if (ViewCalls.Contains(name))
            {
                // Every integer inside a size, also in c / 2.
                foreach (var literal in argument.Expression.DescendantNodesAndSelf().OfType<ExpressionSyntax>().Where(e => IntLiteral(e) is not null && e.Parent is not PrefixUnaryExpressionSyntax))
                {
                    var value = IntLiteral(literal)!.Value;
                    if (value > 0)
                    {
                        IntEdits(edits, MutationOperator.ForwardViewSize, literal, value, [value + 1, value - 1, value * 2], description);
                    }
                }

                continue;
            }

            if (IntLiteral(argument.Expression) is not { } dim)
            {
                continue;
            }

            var op = name switch
            {
                _ when JoinCalls.Contains(name) => named == "dim" || (named is null && i == 1) ? MutationOperator.ForwardJoinDim : MutationOperator.ForwardOther,
                _ when SplitCalls.Contains(name) => named == "dim" || (named is null && i == 1) ? MutationOperator.ForwardJoinDim : MutationOperator.ForwardOther,
                "narrow" => named == "dim" || (named is null && i == 0) ? MutationOperator.ForwardJoinDim : MutationOperator.ForwardOther,
                _ when TransposeCalls.Contains(name) => MutationOperator.ForwardTranspose,
                _ => MutationOperator.ForwardOther,
            };
            IntEdits(edits, op, argument.Expression, dim, [dim + 1, dim - 1], description);
        }

        // The pair the other way round: the same transpose, so a run that must not be flagged.
        if (name is "transpose" or "swapaxes" && arguments.Count == 2 && arguments.All(a => IntLiteral(a.Expression) is not null))
        {
            var swapped = $"{invocation.Expression}({arguments[1]}, {arguments[0]})";
            edits.Add(new Edit(MutationOperator.ForwardTranspose, $"{description}: pair swapped → {swapped}", root => Replace(root, invocation, swapped)));
        }
    }

    private static void IntEdits(List<Edit> edits, MutationOperator op, ExpressionSyntax literal, long value, long[] candidates, string description)
    {
        foreach (var candidate in candidates.Where(c => c != value).Distinct())
        {
            var replacement = candidate.ToString(CultureInfo.InvariantCulture);
            // A negative literal is a unary minus around a literal: replace the whole expression.
            var target = literal.Parent is PrefixUnaryExpressionSyntax unary && unary.IsKind(SyntaxKind.UnaryMinusExpression) ? unary : literal;
            edits.Add(new Edit(op, $"{description}: {target} → {replacement}", root => Replace(root, target, replacement)));
        }
    }

    /// <summary>An integer literal, or minus one; null otherwise.</summary>
    private static long? IntLiteral(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is int or long =>
            Convert.ToInt64(literal.Token.Value, CultureInfo.InvariantCulture),
        PrefixUnaryExpressionSyntax { OperatorToken.Text: "-", Operand: LiteralExpressionSyntax operand } when IntLiteral(operand) is { } value => -value,
        _ => null,
    };

    /// <summary>
    /// A member called in another's place: at <c>m.call(...)</c> any other member that takes and gives one tensor; in an array
    /// of members (<c>new[] { layer1, layer2 }</c>) only one of the same type, so the C# still compiles.
    /// </summary>
    private static void SwapEdits(ClassDeclarationSyntax cls, MethodDeclarationSyntax forward, string where, List<Edit> edits)
    {
        var members = cls.Members.OfType<PropertyDeclarationSyntax>()
            .Where(p => p.AttributeLists.Count > 0)
            .Select(p => (Name: p.Identifier.Text, Type: p.Type.ToString().TrimEnd('?').Split('.').Last()))
            .Where(p => !NotSwappable.Contains(p.Type))
            .ToList();
        foreach (var identifier in forward.Body!.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            var member = members.FirstOrDefault(m => m.Name == identifier.Identifier.Text);
            if (member.Name is null)
            {
                continue;
            }

            var called = identifier.Parent is MemberAccessExpressionSyntax { Name.Identifier.Text: "call" or "forward" } access && access.Expression == identifier;
            var listed = identifier.Parent is InitializerExpressionSyntax;
            if (!called && !listed)
            {
                continue;
            }

            foreach (var other in members.Where(m => m.Name != member.Name && (called || m.Type == member.Type)))
            {
                var context = identifier.Parent!.Parent is InvocationExpressionSyntax invocation ? invocation.ToString() : identifier.Parent!.ToString();
                edits.Add(new Edit(MutationOperator.ForwardSwapMember, $"{where}: {member.Name} → {other.Name} in {Shorten(context)}", root => Replace(root, identifier, other.Name)));
            }
        }
    }

    /// <summary>
    /// Another value read in one's place: a tensor local or parameter for another tensor assigned before it (the wrong
    /// tensor into a join or a member), and inside a <c>view</c> or <c>reshape</c> size an integer local for another.
    /// </summary>
    private static void ValueSwapEdits(MethodDeclarationSyntax forward, SemanticModel model, string where, List<Edit> edits)
    {
        var declared = forward.ParameterList.Parameters.Select(p => ((SyntaxNode)p, model.GetDeclaredSymbol(p) as ISymbol))
            .Concat(forward.Body!.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => ((SyntaxNode)v, model.GetDeclaredSymbol(v))))
            .Concat(forward.Body!.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(d => ((SyntaxNode)d, model.GetDeclaredSymbol(d))))
            .Where(d => d.Item2 is ILocalSymbol or IParameterSymbol)
            .Select(d => (Node: d.Item1, Symbol: d.Item2!, Type: TypeOf(d.Item2!)))
            .ToList();
        foreach (var identifier in forward.Body!.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Parent is AssignmentExpressionSyntax assignment && assignment.Left == identifier)
            {
                continue;
            }

            var symbol = model.GetSymbolInfo(identifier).Symbol;
            var own = declared.FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, symbol));
            if (own.Symbol is null)
            {
                continue;
            }

            var inSize = identifier.Ancestors().OfType<InvocationExpressionSyntax>().Any(i => CalledName(i) is { } n && ViewCalls.Contains(n));
            var kind = own.Type == "Tensor" ? MutationOperator.ForwardSwapValue
                : own.Type is "long" or "int" && inSize ? MutationOperator.ForwardViewSize
                : (MutationOperator?)null;
            if (kind is null)
            {
                continue;
            }

            // In scope and assigned: declared before the read, in a block that holds it.
            var others = declared.Where(d => d.Type == own.Type && !SymbolEqualityComparer.Default.Equals(d.Symbol, symbol)
                && d.Node.Span.End < identifier.SpanStart
                && (d.Node is ParameterSyntax || d.Node.Ancestors().OfType<BlockSyntax>().First().Span.Contains(identifier.Span)));
            var statement = identifier.Ancestors().OfType<StatementSyntax>().First().ToString();
            foreach (var other in others)
            {
                var name = other.Symbol.Name;
                edits.Add(new Edit(kind.Value, $"{where}: {identifier} → {name} in {Shorten(statement)} (at {identifier.SpanStart})", root => Replace(root, identifier, name)));
            }
        }
    }

    private static string TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type.SpecialType switch
        {
            SpecialType.System_Int64 => "long",
            SpecialType.System_Int32 => "int",
            _ => local.Type.Name,
        },
        IParameterSymbol parameter => parameter.Type.Name,
        _ => "",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
}
