using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NetGen.Generator.Catalogue;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Catalogue;

/// <summary>
/// docs/layers.md against the attribute assembly (by reflection) and the catalogue: every layer attribute has a
/// row naming its PyTorch module and an example using it, and attributes and catalogue entries agree one to one,
/// down to every argument.
/// </summary>
public class LayersDocsTests
{
    private static readonly Regex Row = new(@"^\| `\[(?<name>\w+)\]` \| `(?<pytorch>[\w.]+)` \| `(?<example>\[.+\])` \|$", RegexOptions.Multiline);

    /// <summary>Every concrete layer attribute but <c>[Block&lt;T&gt;]</c>, which is a child block, not a layer.</summary>
    private static IReadOnlyList<Type> LayerAttributes() => typeof(LayerAttribute).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(LayerAttribute)) && !t.IsAbstract && !t.IsGenericTypeDefinition)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    private static string LayerName(Type attribute) => attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length);

    [Fact]
    public void Every_layer_attribute_has_a_docs_row_with_its_PyTorch_module_and_an_example()
    {
        var rows = Row.Matches(RepositoryFiles.Read("docs/layers.md").Replace("\r", ""))
            .ToDictionary(m => m.Groups["name"].Value, m => (PyTorch: m.Groups["pytorch"].Value, Example: m.Groups["example"].Value));
        var problems = new List<string>();
        foreach (var attribute in LayerAttributes())
        {
            var name = LayerName(attribute);
            if (!rows.TryGetValue(name, out var row))
            {
                problems.Add($"[{name}] has no row in docs/layers.md");
            }
            else if (LayerCatalogue.Find(name) is { } entry && row.PyTorch != entry.PyTorch)
            {
                problems.Add($"[{name}]'s row says {row.PyTorch}, the catalogue {entry.PyTorch}");
            }
            else if (!Regex.IsMatch(row.Example, @"^\[" + name + @"(\(|\])"))
            {
                problems.Add($"[{name}]'s example {row.Example} does not use it");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(LayerAttributes().Count >= 22);
    }

    /// <summary>Each example is C# the compiler binds: arguments in the attribute's constructor or as settable properties.</summary>
    [Fact]
    public void Every_docs_example_is_an_attribute_the_compiler_binds()
    {
        var examples = Row.Matches(RepositoryFiles.Read("docs/layers.md").Replace("\r", "")).Select(m => m.Groups["example"].Value).ToList();
        var source = "using NetGen;\npublic sealed class Examples\n{\n"
            + string.Concat(examples.Select((e, i) => $"    {e}\n    public object? Member{i} {{ get; }}\n"))
            + "}\n";

        var errors = GeneratorHarness.Compile(source).GetDiagnostics()
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(d => $"{examples[d.Location.GetLineSpan().StartLinePosition.Line / 2 - 1]}: {d.GetMessage()}")
            .ToList();

        Assert.True(examples.Count >= 50, $"only {examples.Count} examples read");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Attributes_and_catalogue_entries_agree_one_to_one_down_to_every_argument()
    {
        var attributes = LayerAttributes().ToDictionary(LayerName);
        Assert.Equal(attributes.Keys.OrderBy(n => n, StringComparer.Ordinal), LayerCatalogue.All.Select(e => e.Name));
        var problems = new List<string>();
        foreach (var (name, attribute) in attributes)
        {
            var entry = LayerCatalogue.Find(name)!;
            var properties = attribute.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                // LayerAttribute's own When and Name say where the layer sits in a Sequential, not how it is built.
                .Where(p => p.DeclaringType != typeof(Attribute) && p.DeclaringType != typeof(LayerAttribute) && p.Name != nameof(Attribute.TypeId))
                .Select(p => p.Name)
                .ToList();
            problems.AddRange(properties.Where(p => entry.Argument(p) is null).Select(p => $"[{name}].{p} is not in the catalogue entry's arguments"));
            problems.AddRange(entry.Arguments.Where(a => !properties.Contains(a.Name)).Select(a => $"{name}'s entry has {a.Name}, which [{name}] lacks"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
