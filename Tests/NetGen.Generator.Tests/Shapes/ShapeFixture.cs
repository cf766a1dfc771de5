using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Tests.Shapes;

/// <summary>
/// Reads Fixtures/shapes.json (written by tools/fixtures/make_shape_fixtures.py from real PyTorch)
/// and turns each row's PyTorch arguments into the shape library's specs.
/// </summary>
internal static class ShapeFixture
{
    private static readonly Lazy<ShapeFixtureFile> File = new(Load);

    public static ShapeFixtureFile Content => File.Value;

    public static IReadOnlyList<FixtureRow> Rows => Content.Rows;

    public static FixtureRow Row(int id) => Rows.Single(r => r.Id == id);

    /// <summary>Runs the library on one row, the way the row was run in PyTorch.</summary>
    public static ShapeResult Run(FixtureRow row)
    {
        JsonElement args = row.Args;
        string name = "layer" + row.Id;
        switch (row.Layer)
        {
            case "Add":
                return MergeShapes.BroadcastAdd(name, row.Inputs[0], row.Inputs[1]);
            case "Cat":
                return MergeShapes.Concat(name, row.Inputs, Int(args, "dim"));
        }

        return ShapeInference.Infer(Spec(row.Layer, name, args), row.Input);
    }

    private static LayerShapeSpec Spec(string layer, string name, JsonElement args)
    {
        switch (layer)
        {
            case "Conv1d":
            case "Conv2d":
            case "ConvTranspose2d":
                var kind = layer == "Conv1d" ? ConvKind.Conv1d : layer == "Conv2d" ? ConvKind.Conv2d : ConvKind.ConvTranspose2d;
                return new ConvSpec(
                    name, kind, Long(args, "in_channels"), Long(args, "out_channels"),
                    Dims(args, "kernel_size"), Dims(args, "stride"), ConvPadding(args),
                    Dims(args, "dilation"), args.TryGetProperty("groups", out JsonElement g) ? g.GetInt64() : 1,
                    Dims(args, "output_padding"));
            case "MaxPool2d":
            case "AvgPool2d":
                return new PoolSpec(
                    name, layer == "MaxPool2d" ? PoolKind.MaxPool2d : PoolKind.AvgPool2d,
                    Dims(args, "kernel_size"), Dims(args, "stride"), Dims(args, "padding"), Dims(args, "dilation"),
                    args.TryGetProperty("ceil_mode", out JsonElement ceil) && ceil.GetBoolean());
            case "AdaptiveAvgPool2d":
                JsonElement size = args.GetProperty("output_size");
                return size.ValueKind == JsonValueKind.Array
                    ? new AdaptivePoolSpec(name, OptionalDim(size[0]), OptionalDim(size[1]))
                    : AdaptivePoolSpec.AdaptiveAvgPool2d(name, size.GetInt64());
            case "Flatten":
                return new FlattenSpec(name, IntOr(args, "start_dim", 1), IntOr(args, "end_dim", -1));
            case "Linear":
                return new LinearSpec(name, Long(args, "in_features"), Long(args, "out_features"));
            case "BatchNorm1d":
                return NormSpec.BatchNorm1d(name, Long(args, "num_features"));
            case "BatchNorm2d":
                return NormSpec.BatchNorm2d(name, Long(args, "num_features"));
            case "GroupNorm":
                return NormSpec.GroupNorm(name, Long(args, "num_groups"), Long(args, "num_channels"));
            case "LayerNorm":
                return new LayerNormSpec(name, Dims(args, "normalized_shape"));
            case "Embedding":
                return new EmbeddingSpec(name, Long(args, "num_embeddings"), Long(args, "embedding_dim"),
                    args.TryGetProperty("padding_idx", out JsonElement p) ? p.GetInt64() : null);
            default:
                var elementwise = (ElementwiseKind)Enum.Parse(typeof(ElementwiseKind), layer);
                return new ElementwiseSpec(name, elementwise, args.TryGetProperty("dim", out JsonElement d) ? d.GetInt32() : null);
        }
    }

    private static ConvPadding ConvPadding(JsonElement args)
    {
        if (!args.TryGetProperty("padding", out JsonElement padding))
        {
            return Generator.Shapes.ConvPadding.Explicit(0);
        }

        return padding.ValueKind == JsonValueKind.String
            ? padding.GetString() == "same" ? Generator.Shapes.ConvPadding.Same : Generator.Shapes.ConvPadding.Valid
            : new ConvPadding(ConvPaddingMode.Explicit, Dims(args, "padding"));
    }

    /// <summary>An int or a list of ints; absent or null gives an empty array (PyTorch's default).</summary>
    private static EquatableArray<Dim> Dims(JsonElement args, string key)
    {
        if (!args.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return EquatableArray<Dim>.Empty;
        }

        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => Dim.Of(v.GetInt64())).ToEquatableArray()
            : EquatableArray.Create(Dim.Of(value.GetInt64()));
    }

    private static Dim? OptionalDim(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt64();

    private static long Long(JsonElement args, string key) => args.GetProperty(key).GetInt64();

    private static int Int(JsonElement args, string key) => args.GetProperty(key).GetInt32();

    private static int IntOr(JsonElement args, string key, int fallback) =>
        args.TryGetProperty(key, out JsonElement value) ? value.GetInt32() : fallback;

    private static ShapeFixtureFile Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "shapes.json");
        using JsonDocument document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        JsonElement root = document.RootElement;
        var rows = root.GetProperty("rows").EnumerateArray().Select(FixtureRow.Parse).ToList();
        return new ShapeFixtureFile(root.GetProperty("torch").GetString()!, root.GetProperty("seed").GetInt64(), rows);
    }
}

internal sealed record ShapeFixtureFile(string Torch, long Seed, IReadOnlyList<FixtureRow> Rows);

/// <summary>One fixture row: a layer, its PyTorch arguments, the input sample shape(s), and PyTorch's answer.</summary>
internal sealed record FixtureRow(
    int Id, string Layer, JsonElement Args, TensorShape Input, IReadOnlyList<TensorShape> Inputs,
    TensorShape? Output, string? Error)
{
    public static FixtureRow Parse(JsonElement row)
    {
        static TensorShape Shape(JsonElement e) => TensorShape.Of(e.EnumerateArray().Select(d => d.GetInt64()).ToArray());
        var inputs = row.TryGetProperty("inputs", out JsonElement many)
            ? many.EnumerateArray().Select(Shape).ToList()
            : new List<TensorShape>();
        return new FixtureRow(
            row.GetProperty("id").GetInt32(),
            row.GetProperty("layer").GetString()!,
            row.GetProperty("args").Clone(),
            row.TryGetProperty("input", out JsonElement input) ? Shape(input) : TensorShape.UnknownRank,
            inputs,
            row.TryGetProperty("output", out JsonElement output) ? Shape(output) : null,
            row.TryGetProperty("error", out JsonElement error) ? error.GetString() : null);
    }

    public string Describe() =>
        $"#{Id} {Layer}({Args.GetRawText()}) on {(Inputs.Count > 0 ? string.Join(" & ", Inputs) : Input.ToString())}: " +
        (Error is null ? $"PyTorch gives {Output}" : $"PyTorch raises \"{Error}\"");
}
