using System.IO;
using System.Runtime.CompilerServices;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Reads files of this repository (such as the sample models) relative to its root.</summary>
internal static class RepositoryFiles
{
    public static string Root() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", ".."));

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root(), relativePath));

    /// <summary>This source file's own path, which anchors the repository root.</summary>
    private static string ThisFile([CallerFilePath] string path = "") => path;
}
