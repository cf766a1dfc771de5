using System;
using System.IO;

namespace NetGen.GeneratorBenchmark;

/// <summary>
/// The 200 models consumed as a new user consumes NetGen: a <c>PackageReference</c> to the NuGet package packed from
/// this repository, not the project references of <c>WithNetGen</c>. MSBuild then has no NetGen project to
/// evaluate, and the build is what a user's build costs (the package's own targets included).
/// </summary>
internal static class PackageConsumer
{
    public const string Name = "WithNetGenPackage";

    /// <summary>
    /// Copies <c>WithNetGen</c>'s sources into a project that references the package, restored into a packages folder
    /// of its own, so that no NetGen of the same version cached by an earlier run stands in for the one packed here.
    /// Every other package comes from a fallback folder of links into this machine's packages folder.
    /// </summary>
    public static string Write(string root, string feed, string version, string? machinePackages)
    {
        var project = Directory.CreateDirectory(Path.Combine(root, Name)).FullName;
        foreach (var source in Directory.GetFiles(Path.Combine(root, "WithNetGen"), "*.cs"))
        {
            File.Copy(source, Path.Combine(project, Path.GetFileName(source)));
        }

        File.WriteAllText(Path.Combine(project, Name + ".csproj"), SyntheticProjects.Project(
            $"""
              <ItemGroup>
                <PackageReference Include="NetGen" Version="{version}" />
              </ItemGroup>
            """));

        var packages = Directory.CreateDirectory(Path.Combine(root, "packages")).FullName;
        var fallback = Directory.CreateDirectory(Path.Combine(root, "fallback")).FullName;
        if (machinePackages is not null)
        {
            foreach (var package in Directory.GetDirectories(machinePackages))
            {
                if (!Path.GetFileName(package).Equals("netgen", StringComparison.OrdinalIgnoreCase))
                {
                    Directory.CreateSymbolicLink(Path.Combine(fallback, Path.GetFileName(package)), package);
                }
            }
        }

        File.WriteAllText(Path.Combine(project, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packages}" />
              </config>
              <packageSources>
                <clear />
                <add key="netgen-feed" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="netgen-feed">
                  <package pattern="NetGen" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
              <fallbackPackageFolders>
                <clear />
                <add key="machine-packages-without-netgen" value="{fallback}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        return Path.Combine(project, Name + ".csproj");
    }
}
