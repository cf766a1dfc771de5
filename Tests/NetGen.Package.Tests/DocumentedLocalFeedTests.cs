using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NetGen.Package.Tests.Infrastructure;

namespace NetGen.Package.Tests;

/// <summary>
/// docs/packaging.md tells a user how to pack NetGen into a folder and which nuget.config makes restores find
/// it. This restores a new project through exactly that nuget.config (its folder replaced by the fixture's
/// feed) into an empty packages folder, so NetGen can only come from the documented source.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class DocumentedLocalFeedTests(PackedPackage package)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void The_documented_nuget_config_restores_the_package_from_the_documented_pack_folder()
    {
        string doc = File.ReadAllText(RepositoryRoot.Combine("docs", "packaging.md"));
        string packFolder = Regex.Match(doc, @"dotnet pack Runtime/NetGen.Package -c Release -o (\S+)").Groups[1].Value;
        string config = Regex.Match(doc, "```xml\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.NotEqual("", packFolder);
        Assert.Equal(packFolder, XDocument.Parse(config).Descendants("add").Single().Attribute("value")!.Value);
        Assert.Contains($"--version {package.Version}", doc);

        var dir = Directory.CreateDirectory(Path.Combine(package.Root, "documented-feed", "Consumer")).FullName;
        File.WriteAllText(Path.Combine(dir, "nuget.config"), config.Replace(packFolder, package.Feed, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="NetGen" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        string packages = Directory.CreateDirectory(Path.Combine(package.Root, "documented-feed", "packages")).FullName;

        // Everything but NetGen may come from the machine's packages (the fixture's fallback folder leaves NetGen out).
        var restore = DotnetCli.RunProgram(DotnetCli.Executable, dir, StepTimeout,
            ["restore", "--packages", packages, $"-p:RestoreFallbackFolders={Path.Combine(package.Root, "fallback")}", "--disable-build-servers"],
            dropNuGetPackages: true);

        Assert.True(restore.ExitCode == 0, restore.Describe());
        Assert.True(File.Exists(Path.Combine(packages, "netgen", package.Version, "docs", "diagnostics", "NG0101.md")), restore.Describe());
    }
}
