using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// What the family summary tests share: a zoo declaration rewritten to another variant's defaults, and the parameter
/// count real torchvision reported for that variant.
/// </summary>
internal static class ZooVariants
{
    /// <summary>Replaces the one match of <paramref name="pattern"/>; a pattern that matches nowhere or twice fails the test.</summary>
    public static string ReplaceOnce(string source, string pattern, string replacement)
    {
        Assert.Single(Regex.Matches(source, pattern));
        return Regex.Replace(source, pattern, replacement);
    }

    /// <summary>The parameter count real torchvision reported (Tests/NetGen.Runtime.Tests/Fixtures/zoo, make_zoo_manifests.py).</summary>
    public static long TorchvisionParameters(string arch)
    {
        var manifest = Path.Combine(RepositoryFiles.Root(), "Tests", "NetGen.Runtime.Tests", "Fixtures", "zoo", arch + ".manifest.tsv");
        var line = File.ReadLines(manifest).Single(l => l.StartsWith("# parameters ", System.StringComparison.Ordinal));
        return long.Parse(line.Substring("# parameters ".Length), CultureInfo.InvariantCulture);
    }
}
