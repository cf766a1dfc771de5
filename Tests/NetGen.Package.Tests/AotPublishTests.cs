using System;
using System.IO;
using System.Linq;
using NetGen.Package.Tests.Infrastructure;

namespace NetGen.Package.Tests;

/// <summary>
/// Samples/NetGen.AotSample published with NativeAOT (`dotnet publish -c Release -r linux-x64`) and run:
/// the generated model runs a forward pass and its state dict has every key, while TorchSharp's
/// reflection-based RegisterComponents registers nothing there. Needs clang and zlib1g-dev, which
/// .ci/run installs under CI.
/// </summary>
public sealed class AotPublishTests : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(12);

    /// <summary>The keys PyTorch's state_dict() has for the same module (Sequential stem: conv, ReLU, BN, pool).</summary>
    private static readonly string[] ExpectedKeys =
    [
        "stem.0.weight [8, 1, 3, 3]", "stem.0.bias [8]",
        "stem.2.weight [8]", "stem.2.bias [8]",
        "stem.2.running_mean [8]", "stem.2.running_var [8]", "stem.2.num_batches_tracked []",
        "conv.weight [16, 8, 3, 3]", "conv.bias [16]",
        "fc1.weight [32, 576]", "fc1.bias [32]",
        "fc2.weight [10, 32]", "fc2.bias [10]",
    ];

    private readonly string publishDir = Directory.CreateTempSubdirectory("netgen-aot-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(publishDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not a test failure.
        }
    }

    [SkippableFact]
    public void Published_native_binary_runs_a_forward_pass_and_has_every_state_dict_key()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture
                   == System.Runtime.InteropServices.Architecture.X64, "the sample is published for linux-x64");
        Skip.If(FindOnPath("clang") is null,
            "NativeAOT needs the native toolchain: apt-get install clang zlib1g-dev (.ci/run installs it under CI)");

        var publish = DotnetCli.Run(RepositoryRoot.Path, PublishTimeout,
            "publish", RepositoryRoot.Combine("Samples", "NetGen.AotSample", "NetGen.AotSample.csproj"),
            "-c", "Release", "-r", "linux-x64", "-o", publishDir, "--disable-build-servers", "-nologo");
        Assert.True(publish.ExitCode == 0, publish.Describe());

        var binary = Path.Combine(publishDir, "NetGen.AotSample");
        Assert.True(File.Exists(binary), $"no native executable at {binary}");
        // A NativeAOT publish has no managed entry assembly to run with `dotnet`. (RuntimeFeature cannot
        // tell: PublishAot=true turns IsDynamicCodeSupported off under the JIT too.)
        Assert.False(File.Exists(Path.Combine(publishDir, "NetGen.AotSample.dll")), "the publish is not NativeAOT");

        var run = DotnetCli.RunProgram(binary, publishDir, TimeSpan.FromMinutes(2), []);
        Assert.True(run.ExitCode == 0, run.Describe());
        var lines = run.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

        Assert.Contains("output: [2, 10]", lines);
        Assert.Contains($"state_dict: {ExpectedKeys.Length} keys", lines);
        Assert.All(ExpectedKeys, key => Assert.Contains(key, lines));

        // TorchSharp 0.107's RegisterComponents finds fields by reflection, which NativeAOT leaves without
        // metadata: the hand-written model registers nothing (4 keys under the JIT). If this starts to
        // fail, TorchSharp has fixed it; NetGen's explicit registration does not depend on it either way.
        Assert.Contains("reflection-registered state_dict: 0 keys (none)", lines);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
