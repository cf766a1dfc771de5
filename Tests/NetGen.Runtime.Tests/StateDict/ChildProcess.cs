using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using NetGen.Runtime.Tests.StateDict;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// Runs a named scenario of this test assembly in a fresh process, for the tests that must kill a process
    /// or measure one's memory on its own: <c>dotnet exec NetGen.Runtime.Tests.dll ARGS</c> with
    /// <c>DOTNET_STARTUP_HOOKS</c> naming this same assembly. The host then calls <see cref="global::StartupHook.Initialize"/>
    /// before the test SDK's empty generated <c>Main</c>; it runs the scenario and exits. The child resolves
    /// TorchSharp and its native libraries through this assembly's deps.json, exactly as the test host does.
    /// </summary>
    internal static class ChildProcess
    {
        public const string ScenarioVariable = "NETGEN_TEST_CHILD_SCENARIO";

        private static readonly string Assembly = typeof(ChildProcess).Assembly.Location;

        /// <summary>Starts <paramref name="scenario"/> with <paramref name="arguments"/>, standard output and error redirected.</summary>
        public static Process Start(
            string scenario,
            IEnumerable<string> arguments,
            string? wrapper = null,
            IEnumerable<string>? wrapperArguments = null,
            IReadOnlyDictionary<string, string>? environment = null)
        {
            var start = new ProcessStartInfo(wrapper ?? Dotnet())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            if (wrapper is not null)
            {
                foreach (string argument in wrapperArguments ?? [])
                {
                    start.ArgumentList.Add(argument);
                }

                start.ArgumentList.Add(Dotnet());
            }

            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(Assembly);
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            start.Environment["DOTNET_STARTUP_HOOKS"] = Assembly;
            start.Environment[ScenarioVariable] = scenario;
            return Process.Start(start)!;
        }

        /// <summary>Runs a scenario to its end and returns its exit code and output.</summary>
        public static (int ExitCode, string Output, string Error) Run(
            string scenario, IEnumerable<string> arguments, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
        {
            using var process = Start(scenario, arguments, environment: environment);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"child scenario {scenario} ran past {limit.TotalSeconds} s: {error.Result}");
            }

            return (process.ExitCode, output.Result, error.Result);
        }

        /// <summary>The dotnet host running these tests (the test host is itself started by it).</summary>
        private static string Dotnet()
        {
            string? current = Environment.ProcessPath;
            return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        }
    }
}

/// <summary>
/// The startup hook <see cref="ChildProcess"/> relies on (the .NET host looks for a type of this name in the global
/// namespace). In the test host it does nothing: the scenario variable is set only in children.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        string? scenario = Environment.GetEnvironmentVariable(ChildProcess.ScenarioVariable);
        if (scenario is null)
        {
            return;
        }

        Environment.SetEnvironmentVariable(ChildProcess.ScenarioVariable, null);
        string[] arguments = Environment.GetCommandLineArgs()[1..];
        Environment.Exit(ChildScenarios.Run(scenario, arguments));
    }
}
