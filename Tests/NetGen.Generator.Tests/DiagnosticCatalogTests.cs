using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// Every diagnostic has an NG id and says where its help page is (docs/diagnostics/NGxxxx.md, shipped in the
/// package), the page exists, and there is no help URL pointing at a site that does not exist.
/// </summary>
public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string> Descriptors => new(typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id));

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Each_descriptor_links_to_an_existing_docs_page(string id)
    {
        var descriptor = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().Single(d => d.Id == id);

        Assert.Matches("^NG[0-9]{4}$", descriptor.Id);
        Assert.Contains($"docs/diagnostics/{id}.md", descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("", descriptor.HelpLinkUri);
        Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root(), "docs", "diagnostics", id + ".md")), $"docs/diagnostics/{id}.md is missing");
    }
}
