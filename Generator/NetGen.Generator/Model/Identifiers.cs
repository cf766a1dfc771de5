using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Model;

/// <summary>Turns names users chose into C# that compiles, whatever the name.</summary>
internal static class Identifiers
{
    /// <summary>The identifier with an <c>@</c> when it is a keyword (<c>class</c> becomes <c>@class</c>).</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A C# string literal for <paramref name="text"/>.</summary>
    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
