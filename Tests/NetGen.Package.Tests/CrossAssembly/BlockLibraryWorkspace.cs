using System;
using System.Collections.Generic;
using System.IO;
using NetGen.Package.Tests.Infrastructure;

namespace NetGen.Package.Tests.CrossAssembly;

/// <summary>How a consumer gets the blocks: from the library project, from the library's package, or as its own sources.</summary>
public enum BlockSource
{
    ProjectReference,
    PackageReference,
    SameProject,
}

/// <summary>
/// A folder with a class library of NetGen blocks and consumers of it, built with the dotnet CLI. The
/// library is packed once into a folder feed of its own; NetGen comes from the packed-package fixture's
/// feed. Restore uses those two feeds and the fixture's fallback folder of this machine's packages only,
/// into a packages folder of its own, so no earlier build's copy of either package can stand in.
/// </summary>
internal sealed class BlockLibraryWorkspace
{
    public const string LibraryPackageId = "CrossAssembly.Blocks";
    public const string LibraryVersion = "1.0.0";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);
    private static readonly object Gate = new();
    private static BlockLibraryWorkspace? _current;

    private readonly PackedPackage _package;
    private readonly Dictionary<BlockSource, ProcessResult> _runs = new();
    private ProcessResult? _pack;

    private BlockLibraryWorkspace(PackedPackage package)
    {
        _package = package;
        Root = Directory.CreateDirectory(Path.Combine(package.Root, "cross-assembly")).FullName;
        LibraryFeed = Directory.CreateDirectory(Path.Combine(Root, "library-feed")).FullName;
        WriteNuGetConfig();
        WriteProject("Blocks", LibraryProject(), ("Blocks.cs", BlockLibrarySources.Blocks));
    }

    public string Root { get; }

    public string LibraryFeed { get; }

    /// <summary>One workspace per packed package: the tests of the collection share its builds.</summary>
    public static BlockLibraryWorkspace For(PackedPackage package)
    {
        lock (Gate)
        {
            if (_current is null || _current._package != package)
            {
                _current = new BlockLibraryWorkspace(package);
            }

            return _current;
        }
    }

    /// <summary>`dotnet pack` of the library into its feed, once.</summary>
    public ProcessResult PackLibrary()
    {
        lock (Gate)
        {
            _pack ??= Dotnet(Root, "pack", Path.Combine(Root, "Blocks", "Blocks.csproj"), "-o", LibraryFeed, "--disable-build-servers", "-nologo");
            Assert.True(_pack.ExitCode == 0, _pack.Describe());
            return _pack;
        }
    }

    /// <summary>The correct consumer built and run, once per block source: its build and its output.</summary>
    public (ProcessResult Build, ProcessResult Run) BuildAndRun(BlockSource source)
    {
        lock (Gate)
        {
            var name = "Consumer" + source;
            var dir = Consumer(name, source, BlockLibrarySources.Classifier);
            var build = Build(dir);
            Assert.True(build.ExitCode == 0, build.Describe());
            if (!_runs.TryGetValue(source, out var run))
            {
                run = Dotnet(dir, Path.Combine(dir, "bin", "Debug", "net10.0", name + ".dll"));
                Assert.True(run.ExitCode == 0, run.Describe());
                _runs[source] = run;
            }

            return (build, run);
        }
    }

    /// <summary>A consumer whose model passes the library's block a wrong channel count, built.</summary>
    public ProcessResult BuildWrongConsumer(BlockSource source)
    {
        lock (Gate)
        {
            var classifier = BlockLibrarySources.Classifier.Replace(BlockLibrarySources.FeaturesLine, BlockLibrarySources.WrongFeaturesLine, StringComparison.Ordinal);
            Assert.NotEqual(BlockLibrarySources.Classifier, classifier);
            return Build(Consumer("Wrong" + source, source, classifier));
        }
    }

    private string Consumer(string name, BlockSource source, string classifier)
    {
        if (source == BlockSource.PackageReference)
        {
            PackLibrary();
        }

        return WriteProject(name, ConsumerProject(source), ("Classifier.cs", classifier), ("Program.cs", BlockLibrarySources.Program));
    }

    private ProcessResult Build(string dir) =>
        Dotnet(dir, "build", "--disable-build-servers", "-nologo", "-consoleLoggerParameters:NoSummary");

    private static ProcessResult Dotnet(string dir, params string[] arguments) =>
        DotnetCli.RunProgram(DotnetCli.Executable, dir, StepTimeout, arguments, dropNuGetPackages: true);

    private string WriteProject(string name, string project, params (string File, string Text)[] sources)
    {
        var dir = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), project);
        foreach (var (file, text) in sources)
        {
            File.WriteAllText(Path.Combine(dir, file), text);
        }

        return dir;
    }

    /// <summary>A library of blocks: it needs NetGen only (TorchSharp comes with it), and packs as a package of its own.</summary>
    private string LibraryProject() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <PackageId>{LibraryPackageId}</PackageId>
            <Version>{LibraryVersion}</Version>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="NetGen" Version="{_package.Version}" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>A console consumer: NetGen for its own model, TorchSharp-cpu to run, and the blocks from <paramref name="source"/>.</summary>
    private string ConsumerProject(BlockSource source)
    {
        var blocks = source switch
        {
            BlockSource.ProjectReference => """<ProjectReference Include="../Blocks/Blocks.csproj" />""",
            BlockSource.PackageReference => $"""<PackageReference Include="{LibraryPackageId}" Version="{LibraryVersion}" />""",
            _ => """<Compile Include="../Blocks/Blocks.cs" />""",
        };
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="NetGen" Version="{_package.Version}" />
                <PackageReference Include="TorchSharp-cpu" Version="{PackedPackage.TorchSharpCpuVersion}" />
                {blocks}
              </ItemGroup>
            </Project>
            """;
    }

    /// <summary>
    /// Local sources only: the fixture's NetGen feed and the library's feed, with the fixture's fallback folder
    /// (this machine's packages, NetGen left out) for TorchSharp and the rest.
    /// </summary>
    private void WriteNuGetConfig()
    {
        var fallback = Path.Combine(_package.Root, "fallback");
        Assert.True(Directory.Exists(fallback), $"the packed-package fixture has no fallback folder at {fallback}");
        var packages = Directory.CreateDirectory(Path.Combine(Root, "packages")).FullName;
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packages}" />
              </config>
              <packageSources>
                <clear />
                <add key="netgen-test-feed" value="{_package.Feed}" />
                <add key="block-library-feed" value="{LibraryFeed}" />
              </packageSources>
              <fallbackPackageFolders>
                <clear />
                <add key="machine-packages-without-netgen" value="{fallback}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }
}
