using System.IO;
using System.Runtime.CompilerServices;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Reads files of this repository (such as the sample models) relative to its root.</summary>
internal static class RepositoryFiles
{
    public static string Root([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root(), relativePath));
}
