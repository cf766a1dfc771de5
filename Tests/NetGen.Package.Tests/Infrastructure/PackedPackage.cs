using System;
using System.IO;
using System.Linq;

namespace NetGen.Package.Tests.Infrastructure;

/// <summary>
/// `dotnet pack` of Runtime/NetGen.Package into a temporary folder feed, done once for the tests that
/// read or consume the package, with a NuGet.config above the consumer projects that points at it.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public const string TorchSharpCpuVersion = "0.107.0";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);

    public PackedPackage()
    {
        Root = Directory.CreateTempSubdirectory("netgen-package-tests-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Version = RepositoryRoot.PackageVersion;

        // Release, as a user packs it: its bin/obj folders are not the Debug ones `dotnet test` runs from.
        Pack = DotnetCli.Run(RepositoryRoot.Path, PackTimeout,
            "pack", RepositoryRoot.Combine("Runtime", "NetGen.Package", "NetGen.Package.csproj"),
            "-c", "Release", "-o", Feed, "--disable-build-servers", "-nologo");
        Assert.True(Pack.ExitCode == 0, Pack.Describe());
        NupkgPath = Assert.Single(Directory.GetFiles(Feed, "*.nupkg"));

        ConsumersRoot = Directory.CreateDirectory(Path.Combine(Root, "consumers")).FullName;
        WriteConsumerNuGetConfig();
    }

    /// <summary>The temporary folder holding the feed and the consumer projects.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string NupkgPath { get; }

    /// <summary>The version from Directory.Build.props, which the package must carry.</summary>
    public string Version { get; }

    public ProcessResult Pack { get; }

    /// <summary>Consumer projects are created below this folder, under its NuGet.config.</summary>
    public string ConsumersRoot { get; }

    public void Dispose()
    {
        try
        {
            // The fallback folder holds symbolic links only; Directory.Delete removes links, not targets.
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not a test failure.
        }
    }

    /// <summary>
    /// Consumers restore into a fresh packages folder, so no NetGen of the same version cached by an
    /// earlier run can stand in for the one just packed. Everything else (TorchSharp-cpu's libtorch is
    /// hundreds of MB) comes from a fallback folder of links into this machine's packages folder,
    /// leaving out NetGen itself; what is missing there comes from nuget.org. Package source mapping
    /// sends NetGen to the feed only.
    /// </summary>
    private void WriteConsumerNuGetConfig()
    {
        var packages = Directory.CreateDirectory(Path.Combine(Root, "packages")).FullName;
        var fallback = Directory.CreateDirectory(Path.Combine(Root, "fallback")).FullName;
        var machinePackages = MachinePackagesFolder();
        if (machinePackages is not null)
        {
            foreach (var package in Directory.GetDirectories(machinePackages))
            {
                var name = Path.GetFileName(package);
                if (!name.Equals("netgen", StringComparison.OrdinalIgnoreCase))
                {
                    Directory.CreateSymbolicLink(Path.Combine(fallback, name), package);
                }
            }
        }

        File.WriteAllText(Path.Combine(ConsumersRoot, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packages}" />
              </config>
              <packageSources>
                <clear />
                <add key="netgen-test-feed" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="netgen-test-feed">
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
    }

    private static string? MachinePackagesFolder()
    {
        var result = DotnetCli.Run(RepositoryRoot.Path, TimeSpan.FromMinutes(1), "nuget", "locals", "global-packages", "--list");
        var line = result.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("global-packages:", StringComparison.Ordinal));
        var path = line?["global-packages:".Length..].Trim();
        return path is { Length: > 0 } && Directory.Exists(path) ? path : null;
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed NetGen package";
}
