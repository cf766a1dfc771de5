using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Catalogue;

/// <summary>
/// Every <see cref="LayerEntry"/> in this assembly, by name. Entries are found, not listed, so adding a layer
/// is its attribute plus one entry class and nothing else.
/// </summary>
internal static class LayerCatalogue
{
    private static readonly Lazy<IReadOnlyDictionary<string, LayerEntry>> Entries = new(Load);

    public static IEnumerable<LayerEntry> All => Entries.Value.Values.OrderBy(e => e.Name, StringComparer.Ordinal);

    public static LayerEntry? Find(string? name) => name is not null && Entries.Value.TryGetValue(name, out var entry) ? entry : null;

    private static IReadOnlyDictionary<string, LayerEntry> Load() =>
        typeof(LayerEntry).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(LayerEntry).IsAssignableFrom(t))
            .Select(t => (LayerEntry)Activator.CreateInstance(t))
            .ToDictionary(e => e.Name, StringComparer.Ordinal);
}
