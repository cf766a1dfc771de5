using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// Runs the fixture scripts copied next to the tests (tools/open_world_models.py, tools/make_torchvision_resnet.py)
/// in real PyTorch: Debian's python3-torch and python3-torchvision, /usr/bin/python3 unless NETGEN_PYTHON says
/// otherwise. A test that needs them calls <see cref="SkipUnless"/> first and reports itself skipped, with the
/// reason, where they are missing. (StateDict/PythonTorch runs tools/pytorch/checkpoint_tool.py the same way.)
/// </summary>
internal static class PythonScripts
{
    private static readonly string Interpreter = Environment.GetEnvironmentVariable("NETGEN_PYTHON") ?? "/usr/bin/python3";
    private static readonly ConcurrentDictionary<string, string?> MissingReasons = new(StringComparer.Ordinal);

    /// <summary>Skips the test unless <paramref name="module"/> (<c>torch</c>, <c>torchvision</c>) imports.</summary>
    public static void SkipUnless(string module)
    {
        var reason = MissingReasons.GetOrAdd(module, Probe);
        Skip.If(reason is not null, reason);
    }

    /// <summary>Runs a script from the tests' tools folder and returns its standard output; fails the test on a non-zero exit.</summary>
    public static string Run(string script, params string[] arguments)
    {
        var (exitCode, output, error) = Execute([Path.Combine(AppContext.BaseDirectory, "tools", script), .. arguments]);
        Assert.True(exitCode == 0, $"{script} {string.Join(' ', arguments)} failed ({exitCode}):\n{error}{output}");
        return output.Trim();
    }

    private static string? Probe(string module)
    {
        var package = module == "torch" ? "python3-torch" : "python3-" + module;
        try
        {
            var (exitCode, _, error) = Execute(["-c", "import " + module]);
            return exitCode == 0 ? null : $"{module} is not importable by {Interpreter} (apt-get install {package}): {error.Trim()}";
        }
        catch (Exception e) when (e is Win32Exception or FileNotFoundException)
        {
            return $"{Interpreter} is not installed (apt-get install {package}): {e.Message}";
        }
    }

    private static (int ExitCode, string Output, string Error) Execute(string[] arguments)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A guard against a hung interpreter, not a speed check: maxvit_t's fixture (training passes at 224x224) takes a
        // minute on a 2-core machine under load.
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Interpreter} {string.Join(' ', arguments)} ran for over 10 minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
