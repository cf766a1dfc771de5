using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Approved-file snapshots: the expected text lives beside the test as <c>Snapshots/NAME.verified.cs</c>.
/// A mismatch writes <c>NAME.received.cs</c> next to it and fails with a line diff. To accept a deliberate
/// change, run the tests with <c>NETGEN_ACCEPT_SNAPSHOTS=1</c>, which overwrites the approved file, and
/// review the change in version control.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "NETGEN_ACCEPT_SNAPSHOTS";

    public static void Match(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var verified = Path.Combine(folder, name + ".verified.cs");
        var received = Path.Combine(folder, name + ".received.cs");
        actual = Normalize(actual);

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual);
        var message = expected is null
            ? $"No approved snapshot {verified}. Review {received} and accept it with {AcceptVariable}=1."
            : $"Snapshot {name} differs from {verified} (- approved, + received):\n{Diff(expected, actual)}\nAccept with {AcceptVariable}=1 if the change is intended.";
        throw new XunitException(message);
    }

    /// <summary>A compact line diff: changed lines with two lines of context.</summary>
    public static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var builder = new StringBuilder();
        var lines = model.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var near = false;
            for (var j = Math.Max(0, i - 2); j <= Math.Min(lines.Count - 1, i + 2); j++)
            {
                near |= lines[j].Type != ChangeType.Unchanged;
            }

            if (!near)
            {
                continue;
            }

            var prefix = lines[i].Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            builder.Append(prefix).Append(lines[i].Position?.ToString().PadLeft(4) ?? "    ").Append(' ').AppendLine(lines[i].Text);
        }

        return builder.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');
}
