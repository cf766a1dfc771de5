using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>
/// The constructor arguments a use site passes to a block, as written: the positional arguments of
/// <c>[Block(...)]</c> / <c>[Block&lt;T&gt;(...)]</c>, or the elements of <c>[Repeat&lt;T&gt;]</c>'s
/// <c>First = [...]</c> / <c>Rest = [...]</c>. <see cref="With"/> gives the node that replaces
/// <see cref="Node"/> when the arguments change.
/// </summary>
internal sealed class BlockArgumentList
{
    private readonly Func<IReadOnlyList<ExpressionSyntax>, SyntaxNode> _rebuild;

    private BlockArgumentList(SyntaxNode node, IReadOnlyList<ExpressionSyntax> items, Func<IReadOnlyList<ExpressionSyntax>, SyntaxNode> rebuild)
    {
        Node = node;
        Items = items;
        _rebuild = rebuild;
    }

    public SyntaxNode Node { get; }

    public IReadOnlyList<ExpressionSyntax> Items { get; }

    public SyntaxNode With(IReadOnlyList<ExpressionSyntax> items) => _rebuild(items);

    /// <summary>The positional arguments of a <c>[Block]</c> attribute; named ones stay after them.</summary>
    public static BlockArgumentList OfAttribute(AttributeSyntax attribute)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var positional = arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        var named = arguments.Where(a => a.NameEquals is not null || a.NameColon is not null).ToList();
        return new BlockArgumentList(attribute, positional.Select(a => a.Expression).ToList(), items =>
        {
            var rebuilt = items.Select(SyntaxFactory.AttributeArgument).Concat(named);
            return attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(rebuilt, Commas(items.Count + named.Count))));
        });
    }

    /// <summary>
    /// The elements of a <c>[Repeat]</c> list (<c>First</c> or <c>Rest</c>), written as a collection
    /// expression or an array creation; an absent list is added as <c>Name = [...]</c>. Null for any other form.
    /// </summary>
    public static BlockArgumentList? OfRepeatList(AttributeSyntax repeat, string name)
    {
        var argument = repeat.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == name);
        switch (argument?.Expression)
        {
            case null:
                return new BlockArgumentList(repeat, Array.Empty<ExpressionSyntax>(), items =>
                {
                    var added = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(name), null, Collection(items));
                    return repeat.WithArgumentList((repeat.ArgumentList ?? SyntaxFactory.AttributeArgumentList()).AddArguments(added));
                });
            case CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax):
                return new BlockArgumentList(collection, collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
                    items => collection.WithElements(SyntaxFactory.SeparatedList<CollectionElementSyntax>(items.Select(SyntaxFactory.ExpressionElement), Commas(items.Count))));
            case ImplicitArrayCreationExpressionSyntax { Initializer: var initializer }:
                return OfInitializer(initializer);
            case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                return OfInitializer(initializer);
            default:
                return null;
        }
    }

    private static BlockArgumentList OfInitializer(InitializerExpressionSyntax initializer) =>
        new(initializer, initializer.Expressions.ToList(),
            items => initializer.WithExpressions(SyntaxFactory.SeparatedList(items, Commas(items.Count))));

    private static CollectionExpressionSyntax Collection(IReadOnlyList<ExpressionSyntax> items) =>
        SyntaxFactory.CollectionExpression(SyntaxFactory.SeparatedList<CollectionElementSyntax>(items.Select(SyntaxFactory.ExpressionElement), Commas(items.Count)));

    /// <summary><c>", "</c> separators for <paramref name="count"/> items.</summary>
    private static IEnumerable<SyntaxToken> Commas(int count) =>
        Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), Math.Max(0, count - 1));
}
