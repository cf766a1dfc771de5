using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NetGen.Generator.Descriptors;

/// <summary>
/// The descriptor's lexical layer: a sequence of tokens, each written as its length, a colon and its text,
/// so no character ever needs escaping and a truncated or foreign string is detected, not misread.
/// A null is the single character <c>~</c>.
/// </summary>
internal sealed class TokenWriter
{
    private readonly StringBuilder _text = new();

    public TokenWriter Text(string? value)
    {
        if (value is null)
        {
            _text.Append('~');
        }
        else
        {
            _text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        return this;
    }

    public TokenWriter Number(long value) => Text(value.ToString(CultureInfo.InvariantCulture));

    public TokenWriter Real(double value) => Text(value.ToString("R", CultureInfo.InvariantCulture));

    public TokenWriter Flag(bool value) => Text(value ? "1" : "0");

    public TokenWriter List<T>(Model.EquatableArray<T> items, Action<TokenWriter, T> write)
        where T : IEquatable<T>
    {
        Number(items.Count);
        foreach (var item in items)
        {
            write(this, item);
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}

/// <summary>Reads what <see cref="TokenWriter"/> wrote; anything else throws <see cref="FormatException"/>.</summary>
internal sealed class TokenReader
{
    /// <summary>No list in a real model is longer; a longer one is a corrupt descriptor, not a reason to allocate.</summary>
    private const int MaxListLength = 1_000_000;

    private readonly string _text;
    private int _position;

    public TokenReader(string text) => _text = text;

    public bool AtEnd => _position == _text.Length;

    public string? Text()
    {
        if (_position < _text.Length && _text[_position] == '~')
        {
            _position++;
            return null;
        }

        var colon = _text.IndexOf(':', _position);
        if (colon < 0 || !int.TryParse(_text.Substring(_position, colon - _position), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || length > _text.Length - colon - 1)
        {
            throw new FormatException($"a malformed token at {_position}");
        }

        _position = colon + 1 + length;
        return _text.Substring(colon + 1, length);
    }

    public string Required() => Text() ?? throw new FormatException($"a missing value before {_position}");

    public long Number() => long.TryParse(Required(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException("a malformed number");

    public double Real() => double.TryParse(Required(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException("a malformed number");

    public bool Flag() => Required() switch
    {
        "1" => true,
        "0" => false,
        _ => throw new FormatException("a malformed flag"),
    };

    public List<T> List<T>(Func<TokenReader, T> read)
    {
        var count = Number();
        if (count < 0 || count > MaxListLength)
        {
            throw new FormatException($"a list of {count} items");
        }

        var items = new List<T>((int)count);
        for (var i = 0; i < count; i++)
        {
            items.Add(read(this));
        }

        return items;
    }
}

/// <summary>
/// A descriptor ends with one more token: a 64-bit FNV-1a hash of everything before it, in 16 hex digits.
/// Length prefixes catch a truncated or spliced text; the hash catches a changed character inside a token
/// (a size of 256 read as 257 would be a false error in every consumer).
/// </summary>
internal static class Checksum
{
    private const int Digits = 16;
    private static readonly int TokenLength = Digits.ToString(CultureInfo.InvariantCulture).Length + 1 + Digits;

    public static string Seal(string text) => text + new TokenWriter().Text(Hash(text));

    /// <summary>The text before the checksum when it matches; null when it is missing or does not.</summary>
    public static string? Open(string text)
    {
        if (text.Length < TokenLength)
        {
            return null;
        }

        var body = text.Substring(0, text.Length - TokenLength);
        return text.Substring(body.Length) == new TokenWriter().Text(Hash(body)).ToString() ? body : null;
    }

    private static string Hash(string text)
    {
        var hash = 14695981039346656037ul;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211ul);
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
