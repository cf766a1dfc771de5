using System;
using System.IO;
using System.Text.RegularExpressions;
using NetGen.Package.Tests.Infrastructure;

namespace NetGen.Package.Tests;

/// <summary>
/// A brand-new console project that gets NetGen the way docs/packaging.md says (`dotnet add package NetGen`
/// and `dotnet add package TorchSharp-cpu`), from the folder feed the fixture packed into. On a Debian 12
/// or Ubuntu 22.04 host the forward pass also proves that the package's buildTransitive targets patch the
/// consumer's copy of libLibTorchSharp.so.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ConsumerProjectTests(PackedPackage package)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    private const string GoodConv = "[Conv2d(1, 8, 3), ReLU]";
    private const string GoodFc = "[Flatten, Linear(8 * 13 * 13, \"numClasses\")]";

    [Fact]
    public void New_console_project_adds_the_package_builds_and_runs_a_forward_pass()
    {
        var dir = Path.Combine(package.ConsumersRoot, "Consumer");
        Succeed(Dotnet(package.ConsumersRoot, "new", "console", "-n", "Consumer", "-o", dir, "--no-restore"));
        Succeed(Dotnet(dir, "add", "package", "NetGen", "--version", package.Version));
        Succeed(Dotnet(dir, "add", "package", "TorchSharp-cpu", "--version", PackedPackage.TorchSharpCpuVersion));

        File.WriteAllText(Path.Combine(dir, "TinyNet.cs"), TinyNetSource(GoodConv, GoodFc));
        File.WriteAllText(Path.Combine(dir, "Program.cs"), """
            using TorchSharp;

            var model = new Consumer.TinyNet();
            using var output = model.forward(torch.randn(4, 1, 28, 28));
            Console.WriteLine("output: [" + string.Join(", ", output.shape) + "]");
            Console.WriteLine("keys: " + string.Join(", ", model.state_dict().Keys));
            """);

        Succeed(Build(dir));
        var run = Dotnet(dir, Path.Combine(dir, "bin", "Debug", "net10.0", "Consumer.dll"));
        Succeed(run);
        Assert.Contains("output: [4, 10]", run.Output);
        Assert.Contains("keys: conv.weight, conv.bias, fc.weight, fc.bias", run.Output);
        // The package, not some cached copy, was the one restored.
        Assert.True(Directory.Exists(Path.Combine(package.Root, "packages", "netgen", package.Version)),
            "NetGen was not restored into the test's fresh packages folder");

        // The libstdc++ patch runs the task compiled into the package. Compiling its source instead, through
        // RoslynCodeTaskFactory, cost about 1.3 s of every build; MSBuild names where a task came from only
        // at detailed verbosity.
        var rebuild = Dotnet(dir, "build", "--disable-build-servers", "--no-restore", "-nologo", "-v:detailed");
        Succeed(rebuild);
        var taskSource = TaskSource.Match(rebuild.Output);
        Assert.Equal(OperatingSystem.IsLinux(), taskSource.Success); // the patch is for Linux's libstdc++ alone
        if (!taskSource.Success) return;
        Assert.Contains("task from assembly", taskSource.Value, StringComparison.Ordinal);
        Assert.EndsWith("/tasks/netstandard2.0/NetGen.Build.dll\"", taskSource.Value.Replace('\\', '/'), StringComparison.Ordinal);
    }

    private static readonly Regex TaskSource = new(@"Using ""NetGenPatchLibTorchSharp"" task from (?:assembly|the task factory) ""[^""]+""");

    /// <summary>
    /// A wrong declaration fails the consumer's build with the NG diagnostic on the offending member.
    /// One case a line: the id, the member whose attribute list is replaced, and the wrong attribute list.
    /// </summary>
    [Theory]
    [InlineData("NG0005", "fc", "[Flatten, Linear(8 * 13 * 13, \"numClases\")]")] // unknown constructor parameter
    [InlineData("NG0006", "conv", "[Conv2d(1, 8, 0), ReLU]")]                    // kernel size 0
    [InlineData("NG0101", "conv", "[Conv2d(3, 8, 3), ReLU]")]                    // 3 input channels, the input has 1
    [InlineData("NG0102", "fc", "[Flatten, Linear(8 * 14 * 14, \"numClasses\")]")] // flattened size is 8·13·13
    public void Wrong_declaration_fails_the_consumer_build_with_its_NG_diagnostic(string id, string member, string attributes)
    {
        var dir = Directory.CreateDirectory(Path.Combine(package.ConsumersRoot, $"Broken{id}")).FullName;
        File.WriteAllText(Path.Combine(dir, $"Broken{id}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="NetGen" Version="{package.Version}" />
                <PackageReference Include="TorchSharp-cpu" Version="{PackedPackage.TorchSharpCpuVersion}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "TinyNet.cs"), TinyNetSource(
            member == "conv" ? attributes : GoodConv,
            member == "fc" ? attributes : GoodFc));
        File.WriteAllText(Path.Combine(dir, "Program.cs"), "System.Console.WriteLine(new Consumer.TinyNet());\n");

        var build = Build(dir);
        Assert.True(build.ExitCode != 0, $"the build should have failed with {id}: {build.Describe()}");
        var line = TinyNetLine(member);
        Assert.True(build.Output.Contains($"TinyNet.cs({line},", StringComparison.Ordinal)
                    && build.Output.Contains($"error {id}:", StringComparison.Ordinal),
            $"expected error {id} at TinyNet.cs line {line}: {build.Describe()}");
    }

    private static ProcessResult Build(string dir) =>
        Dotnet(dir, "build", "--disable-build-servers", "-nologo", "-consoleLoggerParameters:NoSummary");

    /// <summary>The CLI in a consumer folder, where the NuGet.config (not NUGET_PACKAGES) picks the packages folder.</summary>
    private static ProcessResult Dotnet(string dir, params string[] arguments) =>
        DotnetCli.RunProgram(DotnetCli.Executable, dir, StepTimeout, arguments, dropNuGetPackages: true);

    private static void Succeed(ProcessResult result) => Assert.True(result.ExitCode == 0, result.Describe());

    /// <summary>The consumer's model: 1×28×28 → conv k3 → 26 → pool 2 → 13 → flatten → 10 classes.</summary>
    private static string TinyNetSource(string conv, string fc) => $$"""
        using NetGen;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Consumer;

        [Model(Input = [1, 28, 28])]
        public partial class TinyNet : nn.Module<Tensor, Tensor>
        {
            public partial TinyNet(int numClasses = 10);

            {{conv}}
            public partial Conv2d conv { get; }

            [MaxPool2d(2)]
            public partial MaxPool2d pool { get; }

            {{fc}}
            public partial Linear fc { get; }
        }
        """;

    /// <summary>The 1-based line of <paramref name="member"/>'s attribute list in <see cref="TinyNetSource"/>.</summary>
    private static int TinyNetLine(string member)
    {
        var lines = TinyNetSource("@conv", "@fc").Split('\n');
        return Array.FindIndex(lines, l => l.Trim() == "@" + member) + 1;
    }
}
