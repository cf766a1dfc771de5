using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>One state-dict entry of a torchvision model: key, shape, dtype, and whether it is a parameter.</summary>
public sealed record ZooEntry(string Key, long[] Shape, string DType, bool IsParameter);

/// <summary>
/// What tools/fixtures/make_zoo_manifests.py wrote for one torchvision 0.14 classification model
/// (Fixtures/zoo/NAME.manifest.tsv): its family, parameter count and state-dict entries in PyTorch's order.
/// </summary>
public sealed record ZooManifest(string Model, string Family, long Parameters, IReadOnlyList<ZooEntry> Entries)
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "zoo");

    /// <summary>Every model the fixture generator found in torchvision, by name.</summary>
    public static IReadOnlyList<string> AllModels() =>
        Directory.GetFiles(Folder, "*.manifest.tsv")
            .Select(f => Path.GetFileName(f)[..^".manifest.tsv".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    public static ZooManifest Load(string model)
    {
        string path = Path.Combine(Folder, model + ".manifest.tsv");
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<ZooEntry>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                string[] pair = line[1..].Trim().Split(' ', 2);
                header[pair[0]] = pair[1];
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length != 4)
            {
                throw new FormatException($"{path}: expected key, shape, dtype and kind separated by tabs in '{line}'");
            }

            long[] shape = fields[1].Length == 0 ? [] : fields[1].Split(',').Select(d => long.Parse(d, CultureInfo.InvariantCulture)).ToArray();
            entries.Add(new ZooEntry(fields[0], shape, fields[2], fields[3] == "p"));
        }

        return new ZooManifest(header["model"], header["family"], long.Parse(header["parameters"], CultureInfo.InvariantCulture), entries);
    }
}
