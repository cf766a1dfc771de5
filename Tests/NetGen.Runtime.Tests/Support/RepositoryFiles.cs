using System.IO;
using System.Runtime.CompilerServices;

namespace NetGen.Runtime.Tests;

/// <summary>The repository these tests were compiled from, for tests that read its docs.</summary>
internal static class RepositoryFiles
{
    public static string Root() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", ".."));

    /// <summary>This source file's own path, which anchors the repository root.</summary>
    private static string ThisFile([CallerFilePath] string path = "") => path;
}
