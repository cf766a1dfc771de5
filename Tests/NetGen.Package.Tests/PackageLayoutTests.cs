using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using NetGen.Package.Tests.Infrastructure;

namespace NetGen.Package.Tests;

/// <summary>Opens the packed NetGen .nupkg and checks what a consumer's restore will find in it.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageLayoutTests(PackedPackage package)
{
    [Fact]
    public void Pack_produces_one_package_named_NetGen_with_the_version_from_Directory_Build_props()
    {
        Assert.Equal($"NetGen.{package.Version}.nupkg", Path.GetFileName(package.NupkgPath));
        var metadata = Metadata();
        Assert.Equal("NetGen", Element(metadata, "id").Value);
        Assert.Equal(package.Version, Element(metadata, "version").Value);
    }

    [Fact]
    public void Assemblies_generator_targets_and_readme_are_where_NuGet_looks_for_them()
    {
        var entries = Entries();
        string[] expected =
        [
            "lib/net10.0/NetGen.Attributes.dll",
            "lib/net10.0/NetGen.Runtime.dll",
            "lib/net10.0/NetGen.Attributes.xml",
            "lib/net10.0/NetGen.Runtime.xml",
            "analyzers/dotnet/cs/NetGen.Generator.dll",
            "analyzers/dotnet/cs/NetGen.CodeFixes.dll",
            // NuGet imports buildTransitive/<PackageId>.targets, so the name must be NetGen.targets.
            "buildTransitive/NetGen.targets",
            // The compiled patch task: NetGen.targets finds it relative to itself.
            "tasks/netstandard2.0/NetGen.Build.dll",
            "README.md",
        ];
        Assert.All(expected, path => Assert.Contains(path, entries));

        // Nothing else in the package's content folders: no packaging-project assembly, no TFM that the
        // runtime cannot serve, no analyzer outside the C# folder, no build/ that would skip transitivity;
        // docs/diagnostics holds the help pages only (checked below).
        var content = entries.Where(e => e.Contains('/') && !e.StartsWith("_rels/", StringComparison.Ordinal)
                                         && !e.StartsWith("package/", StringComparison.Ordinal));
        Assert.All(content, path => Assert.True(
            expected.Contains(path) || (path.StartsWith("docs/diagnostics/", StringComparison.Ordinal) && path.EndsWith(".md", StringComparison.Ordinal)),
            $"unexpected file in the package: {path}"));
    }

    [Fact]
    public void Every_diagnostic_help_page_ships_under_docs_diagnostics_as_it_is_in_the_repository()
    {
        var pages = Directory.GetFiles(RepositoryRoot.Combine("docs", "diagnostics"), "*.md");
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var shipped = zip.Entries.Where(e => e.FullName.StartsWith("docs/", StringComparison.Ordinal)).Select(e => e.FullName).Order(StringComparer.Ordinal);

        Assert.Contains(pages, page => Path.GetFileName(page) == "NG0001.md");
        Assert.Equal(pages.Select(page => "docs/diagnostics/" + Path.GetFileName(page)).Order(StringComparer.Ordinal), shipped);
        Assert.All(pages, page =>
        {
            using var reader = new StreamReader(zip.GetEntry("docs/diagnostics/" + Path.GetFileName(page))!.Open());
            Assert.Equal(File.ReadAllText(page), reader.ReadToEnd());
        });
    }

    [Fact]
    public void The_runtime_XML_documentation_ships_with_the_documentation_of_its_public_API()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        using var stream = zip.GetEntry("lib/net10.0/NetGen.Runtime.xml")!.Open();
        var members = XDocument.Load(stream).Descendants("member").Select(m => m.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("T:NetGen.Checkpoint", members);
        Assert.Contains("T:NetGen.CheckpointFormatException", members);
        Assert.Contains("P:NetGen.LoadReport.NestedUnder", members);
        Assert.Contains("M:NetGen.AtomicFile.Write(System.String,System.Action{System.IO.Stream})", members);
    }

    [Fact]
    public void Readme_is_the_package_readme()
    {
        Assert.Equal("README.md", Element(Metadata(), "readme").Value);
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        using var reader = new StreamReader(zip.GetEntry("README.md")!.Open());
        var readme = reader.ReadToEnd();
        Assert.Contains("dotnet add package NetGen", readme);
        Assert.Contains("dotnet add package TorchSharp-cpu", readme);
    }

    [Fact]
    public void Dependencies_are_TorchSharp_and_PyBridge_and_leave_the_libtorch_flavour_to_the_user()
    {
        var groups = Element(Metadata(), "dependencies").Elements().Where(e => e.Name.LocalName == "group").ToList();
        var group = Assert.Single(groups);
        Assert.Equal("net10.0", group.Attribute("targetFramework")?.Value);
        var ids = group.Elements().Select(d => d.Attribute("id")!.Value).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["TorchSharp", "TorchSharp.PyBridge"], ids);
        Assert.DoesNotContain(ids, id => id.StartsWith("TorchSharp-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(ids, id => id.StartsWith("NetGen", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Generator_is_built_against_Roslyn_4_8_so_the_NET_8_SDK_compiler_and_later_load_it()
    {
        var references = AssemblyReferences("analyzers/dotnet/cs/NetGen.Generator.dll");
        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis"]);
        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis.CSharp"]);
        // The command-line compiler has no Workspaces: only the code fixes (loaded by IDEs) may need it.
        Assert.DoesNotContain(references.Keys, name => name.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal));
    }

    private HashSet<string> Entries()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        return zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
    }

    private XElement Metadata()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var nuspec = Assert.Single(zip.Entries, e => e.FullName == "NetGen.nuspec");
        using var stream = nuspec.Open();
        return Element(XDocument.Load(stream).Root!, "metadata");
    }

    private static XElement Element(XElement parent, string localName) =>
        parent.Elements().Single(e => e.Name.LocalName == localName);

    private Dictionary<string, Version> AssemblyReferences(string entryPath)
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        using var buffer = new MemoryStream();
        using (var stream = zip.GetEntry(entryPath)!.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .ToDictionary(r => metadata.GetString(r.Name), r => r.Version);
    }
}
