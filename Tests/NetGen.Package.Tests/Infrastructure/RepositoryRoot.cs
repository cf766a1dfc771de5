using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace NetGen.Package.Tests.Infrastructure;

/// <summary>The repository these tests were built from, and the facts they read from it.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The package version, from the one place it is set: Directory.Build.props.</summary>
    public static string PackageVersion { get; } = ReadVersion();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NetGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No NetGen.sln above {AppContext.BaseDirectory}.");
    }

    private static string ReadVersion()
    {
        var props = XDocument.Load(Combine("Directory.Build.props"));
        var versions = props.Descendants("Version").Select(e => e.Value.Trim()).ToList();
        Assert.Single(versions);
        return versions[0];
    }
}
