using System.Globalization;

namespace NetGen.Generator.Parsing;

/// <summary>
/// File names for generated sources. Roslyn compares hint names without case, and type names that differ
/// only in case (<c>Net</c>, <c>NET</c>) or map to the same text (<c>Net&lt;T&gt;</c> and <c>Net_1</c>) would
/// collide; a hash of the exact metadata name keeps every model's file its own.
/// </summary>
internal static class HintNames
{
    public static string For(string metadataName)
    {
        // A file-local type's metadata name starts <File>…, and Roslyn refuses '<' and '>' in a hint name.
        var readable = metadataName.Replace('+', '.').Replace('`', '_').Replace('<', '_').Replace('>', '_');
        return readable + "." + Fnv1a(metadataName).ToString("x8", CultureInfo.InvariantCulture) + ".g.cs";
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes, unlike string.GetHashCode.</summary>
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
