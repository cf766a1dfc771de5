using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NetGen.Runtime.Tests.Initialization.Support
{
    /// <summary>
    /// Reads Fixtures/init/*.json, written by tools/fixtures/make_init_fixtures.py with Debian's
    /// python3-torch. Each file is { "torch": version, "rows": [...] }.
    /// </summary>
    internal static class InitFixtures
    {
        public static IReadOnlyList<JsonElement> Rows(string name)
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "init", name + ".json");
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            // Clone so the rows outlive the document.
            return document.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.Clone()).ToArray();
        }

        /// <summary>A JSON int or list of ints as a long array (a kernel size may be either).</summary>
        public static long[] Longs(JsonElement e) =>
            e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(x => x.GetInt64()).ToArray() : new[] { e.GetInt64() };
    }
}
