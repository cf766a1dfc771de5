using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NetGen.Runtime.Tests.Support;

/// <summary>A state-dict manifest written by real PyTorch: entries in PyTorch's order, with shapes and dtypes.</summary>
public sealed record PyTorchManifest(string Model, long Parameters, long[] Input, long[] Output, (string Key, long[] Shape, string DType)[] Entries);

/// <summary>A model's output under the deterministic formula weights, as PyTorch computed it.</summary>
public sealed record FormulaOutput(long[] Input, long[] OutputShape, double[] OutputHead, double OutputSum, double OutputSumSq);

/// <summary>
/// Reads the fixtures that tools/fixtures/make_fixtures.py (folder <c>pytorch</c>) and
/// make_torchvision_fixtures.py (folder <c>torchvision</c>) wrote with Debian's python3-torch.
/// </summary>
public static class PyTorchFixtures
{
    public static string PathOf(string fileName, string folder = "pytorch") => Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, fileName);

    public static PyTorchManifest Manifest(string model, string folder = "pytorch")
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(model + ".manifest.json", folder)));
        var root = document.RootElement;
        var entries = root.GetProperty("entries").EnumerateArray()
            .Select(e => (e[0].GetString()!, Longs(e[1]), e[2].GetString()!))
            .ToArray();
        return new PyTorchManifest(root.GetProperty("model").GetString()!, root.GetProperty("parameters").GetInt64(),
            Longs(root.GetProperty("input")), Longs(root.GetProperty("output")), entries);
    }

    public static FormulaOutput Formula(string model, string folder = "pytorch")
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(model + ".formula.json", folder)));
        var root = document.RootElement;
        return new FormulaOutput(
            Longs(root.GetProperty("input")),
            Longs(root.GetProperty("output_shape")),
            root.GetProperty("output_head").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            root.GetProperty("output_sum").GetDouble(),
            root.GetProperty("output_sum_sq").GetDouble());
    }

    private static long[] Longs(JsonElement array) => array.EnumerateArray().Select(v => v.GetInt64()).ToArray();
}
