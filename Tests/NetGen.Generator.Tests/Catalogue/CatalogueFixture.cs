using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Generator.Catalogue;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Tests.Catalogue;

/// <summary>
/// Fixtures/catalogue.json, written by real PyTorch (tools/fixtures/make_catalogue_fixtures.py): per layer
/// configuration, the output shape (or PyTorch's error), the state_dict entries and the fans. Each row's
/// PyTorch arguments become a <see cref="LayerSpec"/> through the catalogue entry's own argument table.
/// </summary>
internal static class CatalogueFixture
{
    private static readonly Lazy<(string Torch, IReadOnlyList<CatalogueRow> Rows)> File = new(Load);

    public static string Torch => File.Value.Torch;

    public static IReadOnlyList<CatalogueRow> Rows => File.Value.Rows;

    public static CatalogueRow Row(int id) => Rows.Single(r => r.Id == id);

    /// <summary>The rows of layers the catalogue has: a row may come before its layer (as the fixture is made first).</summary>
    public static IEnumerable<CatalogueRow> Covered => Rows.Where(r => LayerCatalogue.Find(r.Layer) is not null);

    private static (string, IReadOnlyList<CatalogueRow>) Load()
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "catalogue.json")));
        var root = document.RootElement;
        return (root.GetProperty("torch").GetString()!, root.GetProperty("rows").EnumerateArray().Select(CatalogueRow.Parse).ToList());
    }
}

/// <summary>One fixture row: a layer, its PyTorch arguments, one sample's input shape, and what PyTorch did.</summary>
internal sealed record CatalogueRow(
    int Id, string Layer, JsonElement Args, long[] Input, long[]? Output, string? Error,
    IReadOnlyList<(string Name, long[] Shape, string DType)> State, IReadOnlyDictionary<string, (long FanIn, long FanOut)> Fans)
{
    public LayerEntry Entry => LayerCatalogue.Find(Layer) ?? throw new InvalidOperationException($"The catalogue has no layer {Layer}.");

    public TensorShape InputShape => TensorShape.Of(Input.Select(Dim.Of).ToArray());

    /// <summary>The row's arguments as NetGen's parser would produce them, by the entry's PyTorch names.</summary>
    public LayerSpec ToLayer()
    {
        var args = new List<LayerArg>();
        foreach (var property in Args.EnumerateObject())
        {
            var argument = Entry.Arguments.SingleOrDefault(a => a.PyTorch == property.Name)
                ?? throw new InvalidOperationException($"{Layer} has no argument with PyTorch's name '{property.Name}'.");
            args.Add(new LayerArg(argument.Name, Value(property.Value), null));
        }

        return new LayerSpec(new LayerKind(Layer), args.ToEquatableArray(), null);
    }

    public string Describe() =>
        $"#{Id} {Layer}({Args.GetRawText()}) on [{string.Join(", ", Input)}]: " +
        (Error is null ? $"PyTorch gives [{string.Join(", ", Output!)}]" : $"PyTorch raises \"{Error}\"");

    public static CatalogueRow Parse(JsonElement row)
    {
        static long[] Longs(JsonElement e) => e.EnumerateArray().Select(d => d.GetInt64()).ToArray();
        return new CatalogueRow(
            row.GetProperty("id").GetInt32(),
            row.GetProperty("layer").GetString()!,
            row.GetProperty("args").Clone(),
            Longs(row.GetProperty("input")),
            row.TryGetProperty("output", out var output) ? Longs(output) : null,
            row.TryGetProperty("error", out var error) ? error.GetString() : null,
            row.GetProperty("state").EnumerateArray().Select(s => (s[0].GetString()!, Longs(s[1]), s[2].GetString()!)).ToList(),
            row.GetProperty("fans").EnumerateObject().ToDictionary(p => p.Name, p => (p.Value[0].GetInt64(), p.Value[1].GetInt64())));
    }

    private static ArgValue Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => ArgValue.FromBool(true),
        JsonValueKind.False => ArgValue.FromBool(false),
        JsonValueKind.String => ArgValue.FromText(value.GetString()!),
        JsonValueKind.Array => ArgValue.FromInts(value.EnumerateArray().Select(v => v.GetInt64()).ToEquatableArray()),
        JsonValueKind.Number when value.GetRawText().IndexOfAny(new[] { '.', 'e', 'E' }) >= 0 => ArgValue.FromDouble(value.GetDouble()),
        JsonValueKind.Number => ArgValue.FromInt(value.GetInt64()),
        _ => throw new InvalidOperationException($"No argument value for {value.GetRawText()}"),
    };
}
