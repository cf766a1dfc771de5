using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Generator.Expressions;

internal enum TokenKind : byte
{
    Number,
    Name,
    Operator,
    End,
}

/// <summary>One token of an expression: its kind, its text and where it starts (for messages).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position);

/// <summary>
/// Splits an expression into numbers, names and operators. Whitespace separates tokens and is otherwise
/// ignored. Anything else is an error naming the character and its position.
/// </summary>
internal static class ExprTokenizer
{
    private static readonly string[] TwoCharOperators = ["==", "!=", "<=", ">=", "&&", "||"];
    private const string OneCharOperators = "+-*/%()<>!?:,";

    public static bool TryTokenize(string text, out List<Token> tokens, out string error)
    {
        tokens = new List<Token>();
        error = "";
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (IsDigit(c))
            {
                var start = i;
                while (i < text.Length && IsDigit(text[i])) i++;
                if (i + 1 < text.Length && text[i] == '.' && IsDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && IsDigit(text[i])) i++;
                }

                if (i < text.Length && (char.IsLetter(text[i]) || text[i] == '_'))
                {
                    error = $"'{text.Substring(start, i - start + 1)}' at position {start + 1} is neither a number nor a name";
                    return false;
                }

                tokens.Add(new Token(TokenKind.Number, text.Substring(start, i - start), start));
            }
            else if (IsNameStart(c))
            {
                var start = i;
                while (i < text.Length && (IsNameStart(text[i]) || IsDigit(text[i]) || text[i] == '.' && i + 1 < text.Length && IsNameStart(text[i + 1]))) i++;
                tokens.Add(new Token(TokenKind.Name, text.Substring(start, i - start), start));
            }
            else if (i + 1 < text.Length && System.Array.IndexOf(TwoCharOperators, text.Substring(i, 2)) >= 0)
            {
                tokens.Add(new Token(TokenKind.Operator, text.Substring(i, 2), i));
                i += 2;
            }
            else if (OneCharOperators.IndexOf(c) >= 0)
            {
                tokens.Add(new Token(TokenKind.Operator, c.ToString(), i));
                i++;
            }
            else
            {
                error = c is '&' or '|' or '='
                    ? $"'{c}' at position {i + 1} is not an operator; write '{c}{c}'"
                    : $"unexpected character '{c}' at position {i + 1}";
                return false;
            }
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return true;
    }

    /// <summary>ASCII digits only: <see cref="char.IsDigit(char)"/> accepts other scripts' digits, which no number parser here reads.</summary>
    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsNameStart(char c) => c == '_' || char.IsLetter(c);

    public static bool TryParseInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static bool TryParseReal(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
