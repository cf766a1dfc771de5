using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace NetGen.Package.Tests.Infrastructure;

/// <summary>The result of one child process: exit code and stdout + stderr interleaved.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    public string Describe() => $"`{Command}` exited {ExitCode} after {Elapsed.TotalSeconds:F1} s:\n{Output}";
}

/// <summary>
/// Runs the dotnet CLI (and built programs) as a user's shell would: outside the test host's MSBuild
/// environment, with no build servers left running, and with a time limit.
/// </summary>
internal static class DotnetCli
{
    /// <summary>The dotnet executable running these tests (the CLI sets DOTNET_HOST_PATH for its children).</summary>
    public static string Executable { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static ProcessResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunProgram(Executable, workingDirectory, timeout, arguments);

    /// <summary>Runs <paramref name="program"/>; <paramref name="dropNuGetPackages"/> lets a NuGet.config choose the packages folder.</summary>
    public static ProcessResult RunProgram(string program, string workingDirectory, TimeSpan timeout, string[] arguments,
                                           bool dropNuGetPackages = false)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        CleanEnvironment(start.Environment, dropNuGetPackages);

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var command = $"{System.IO.Path.GetFileName(program)} {string.Join(' ', arguments)}";
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"`{command}` did not finish within {timeout.TotalSeconds:F0} s:\n{output}");
        }

        process.WaitForExit(); // drains the asynchronous readers
        return new ProcessResult(command, process.ExitCode, Snapshot(output), stopwatch.Elapsed);
    }

    /// <summary>
    /// Removes what the test host inherited from `dotnet test` (MSBuild's and VSTest's variables) and
    /// turns off build servers: a node or compiler server left behind would hold the output pipes open
    /// and outlive the test.
    /// </summary>
    private static void CleanEnvironment(IDictionary<string, string?> environment, bool dropNuGetPackages)
    {
        var inherited = new List<string>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            inherited.Add((string)entry.Key);
        }

        foreach (var name in inherited)
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
                || (dropNuGetPackages && name.Equals("NUGET_PACKAGES", StringComparison.OrdinalIgnoreCase)))
            {
                environment.Remove(name);
            }
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["UseSharedCompilation"] = "false";
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
