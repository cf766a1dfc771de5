using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace NetGen.GeneratorBenchmark;

/// <summary>
/// Build-time cost of NetGen on a synthetic project: see docs/performance.md, "Generator and analyzer build time".
///
///   dotnet run -c Release --project tools/GeneratorBenchmark -- [--models 200] [--runs 5] [--dir /tmp/netgen-genbench] [--write-only] [--package]
///   dotnet run -c Release --project tools/GeneratorBenchmark -- keystroke [--steps-only | --quick | --profile | --profile-full]
///   dotnet run -c Release --project tools/GeneratorBenchmark -- compile-cost [--rounds 15]
///   dotnet run -c Release --project tools/GeneratorBenchmark -- analyzer-cost [--rounds 15]
///
/// For each round (WithoutNetGen then WithNetGen, alternating A B A B …) and each project it runs, in this order:
///   1. `dotnet build-server shutdown`, then a full (cold) build, timed by the wall clock;
///   2. one model file edited (a comment appended), then an incremental build (compiler server warm), timed;
///   3. `dotnet build-server shutdown`, then a full build with `-p:ReportAnalyzer=true` and a detailed file log,
///      from which the compiler's generator and analyzer timings and MSBuild's Csc task time are read;
///   4. another edit, then an incremental build with `-p:ReportAnalyzer=true`, read the same way;
///   5. two more edits, each followed by an incremental build, the first logged as in 4, the second timed: the server
///      has compiled this project twice already, as it has for a user who edits and builds again and again.
/// Every build is `dotnet build -c Release --no-restore -p:BuildProjectReferences=false`; full builds add
/// `--no-incremental` (a Rebuild of the consumer only: NetGen's own three projects are built once, up front).
/// With --package a third project, the same models consuming NetGen's packed NuGet package as a user does, is built
/// in each round too (<see cref="PackageConsumer"/>).
/// </summary>
internal static class Program
{
    private const string Config = "Release";

    private static int Main(string[] args)
    {
        // keystroke: the IDE path, in-process (docs/performance.md, "One keystroke in an IDE").
        if (args.Length > 0 && args[0] == "keystroke")
        {
            if (args.Contains("--profile"))
            {
                // For a sampling profiler (dotnet-trace): the attribute edit, again and again, from the warm driver.
                Keystroke.StepReport.Repeat(200, 40);
                return 0;
            }

            if (args.Contains("--profile-full"))
            {
                // The same for a build's full run with the JIT done: a new driver on a new compilation, keeping nothing.
                Keystroke.StepReport.RepeatFullRun(200, 20);
                return 0;
            }

            if (args.Contains("--quick"))
            {
                Keystroke.QuickComparison.Run(200, 30);
                return 0;
            }

            Keystroke.StepReport.Print(200);
            if (!args.Contains("--steps-only"))
            {
                BenchmarkDotNet.Running.BenchmarkRunner.Run<Keystroke.KeystrokeBenchmarks>(args: args.Skip(1).ToArray());
            }

            return 0;
        }

        if (args.Length > 0 && args[0] == "compile-cost")
        {
            var rounds = args.Length > 2 && args[1] == "--rounds" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;
            CompileCost.Run(200, rounds);
            return 0;
        }

        if (args.Length > 0 && args[0] == "analyzer-cost")
        {
            var rounds = args.Length > 2 && args[1] == "--rounds" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;
            AnalyzerCost.Run(200, rounds);
            return 0;
        }

        var models = 200;
        var runs = 5;
        var dir = Path.Combine(Path.GetTempPath(), "netgen-genbench");
        var writeOnly = false;
        var forwards = false;
        var package = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--models": models = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--dir": dir = Path.GetFullPath(args[++i]); break;
                case "--write-only": writeOnly = true; break;
                case "--forwards": forwards = true; break;
                case "--package": package = true; break;
                default:
                    Console.Error.WriteLine("usage: GeneratorBenchmark [--models N (multiple of 8)] [--runs N] [--dir DIR] [--write-only] [--forwards] [--package]");
                    return 2;
            }
        }
        if (models <= 0 || models % SyntheticProjects.KindsPerFamily != 0)
        {
            Console.Error.WriteLine($"--models must be a positive multiple of {SyntheticProjects.KindsPerFamily}.");
            return 2;
        }

        var repo = FindRepoRoot();
        var families = models / SyntheticProjects.KindsPerFamily;
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        SyntheticProjects.Write(dir, repo, families);
        Console.WriteLine($"Wrote {models} models three times under {dir} (NetGen repository: {repo}).");
        if (writeOnly) return 0;

        // By default the hand-written project against NetGen's; with --forwards, NetGen's generated forwards against
        // the same models with hand-written forwards that NetGen follows (issue 13's cost of following a forward).
        Variant Of(string name) => new(name, Path.Combine(dir, name, name + ".csproj"));
        var variants = forwards
            ? new[] { Of("WithNetGen"), Of(SyntheticProjects.HandWrittenForwards) }
            : new[] { Of("WithoutNetGen"), Of("WithNetGen") };
        if (package)
        {
            variants = [.. variants, new Variant(PackageConsumer.Name, WritePackageConsumer(dir, repo))];
        }

        var edited = SyntheticProjects.EditedFile(families);
        var logs = Path.Combine(dir, "logs");
        Directory.CreateDirectory(logs);

        // Restore, then build each once (this also builds NetGen.Attributes, NetGen.Runtime and
        // NetGen.Generator in Release) and keep the generated sources to count them.
        foreach (var v in variants)
        {
            var config = Path.Combine(Path.GetDirectoryName(v.Project)!, "NuGet.config");
            Require(File.Exists(config) ? Dotnet("restore", v.Project, "-nologo", "-v:q", "--configfile", config) : Dotnet("restore", v.Project, "-nologo", "-v:q"), $"restore {v.Name}");
            Require(Dotnet("build", v.Project, "-c", Config, "--no-restore", "-nologo", "-v:q",
                "-p:EmitCompilerGeneratedFiles=true", "-p:CompilerGeneratedFilesOutputPath=" + Path.Combine(dir, "generated", v.Name)),
                $"warm-up build {v.Name}");
        }
        PrintSourceSizes(dir, variants);

        for (var round = 1; round <= runs; round++)
        {
            foreach (var v in variants)
            {
                var projectDir = Path.GetDirectoryName(v.Project)!;
                var tag = $"{v.Name}-{round}";

                Shutdown();
                v.FullWall.Add(TimedBuild(v, full: true, log: null, $"{tag} full"));

                Edit(Path.Combine(projectDir, edited), round, "wall");
                v.IncrementalWall.Add(TimedBuild(v, full: false, log: null, $"{tag} incremental"));

                Shutdown();
                var fullLog = Path.Combine(logs, $"{tag}-full.log");
                TimedBuild(v, full: true, fullLog, $"{tag} full, ReportAnalyzer");
                v.Full.Add(CompilerReport.Read(fullLog));

                Edit(Path.Combine(projectDir, edited), round, "report");
                var incrementalLog = Path.Combine(logs, $"{tag}-incremental.log");
                TimedBuild(v, full: false, incrementalLog, $"{tag} incremental, ReportAnalyzer");
                v.Incremental.Add(CompilerReport.Read(incrementalLog));

                // A user edits and builds again and again with the compiler server up: its JIT has warmed NetGen's code.
                Edit(Path.Combine(projectDir, edited), round, "steady report");
                var steadyLog = Path.Combine(logs, $"{tag}-steady.log");
                TimedBuild(v, full: false, steadyLog, $"{tag} steady incremental, ReportAnalyzer");
                v.Steady.Add(CompilerReport.Read(steadyLog));

                Edit(Path.Combine(projectDir, edited), round, "steady wall");
                v.SteadyWall.Add(TimedBuild(v, full: false, log: null, $"{tag} steady incremental"));

                Console.WriteLine($"round {round} {v.Name,-14} full {v.FullWall[^1]:F2} s, incremental {v.IncrementalWall[^1]:F2} s; " +
                                  $"NetGenGenerator {v.Full[^1].NetGenGenerator:F3} s / {v.Incremental[^1].NetGenGenerator:F3} s");
            }
        }

        Shutdown();
        PrintReport(variants, models, runs);
        return 0;
    }

    private sealed class Variant(string name, string project)
    {
        public string Name { get; } = name;
        public string Project { get; } = project;
        public List<double> FullWall { get; } = [];
        public List<double> IncrementalWall { get; } = [];
        public List<CompilerReport> Full { get; } = [];
        public List<CompilerReport> Incremental { get; } = [];
        public List<double> SteadyWall { get; } = [];
        public List<CompilerReport> Steady { get; } = [];
    }

    /// <summary>What one build's detailed log says about its single Csc call.</summary>
    private sealed record CompilerReport(double CscTask, double AnalyzersTotal, double GeneratorsTotal, double NetGenGenerator, double NetGenAnalyzer, bool ByServer)
    {
        private static readonly Regex AnalyzerTotal = new(@"Total analyzer execution time: ([\d.]+) seconds", RegexOptions.Compiled);
        private static readonly Regex GeneratorTotal = new(@"Total generator execution time: ([\d.]+) seconds", RegexOptions.Compiled);
        private static readonly Regex NetGen = new(@"^\s*([\d.]+)\s+\S+\s+NetGen\.Generator\.NetGenGenerator\s*$", RegexOptions.Compiled | RegexOptions.Multiline);
        private static readonly Regex NetGenAnalyzerLine = new(@"^\s*([\d.]+)\s+\S+\s+NetGen\.Generator\.Analyzer\.NetGenAnalyzer\b", RegexOptions.Compiled | RegexOptions.Multiline);
        private static readonly Regex Csc = new(@"^\s*(\d+) ms\s+Csc\s+(\d+) calls", RegexOptions.Compiled | RegexOptions.Multiline);

        public static CompilerReport Read(string log)
        {
            var text = File.ReadAllText(log);
            var csc = Csc.Match(text);
            if (!csc.Success || csc.Groups[2].Value != "1")
                throw new InvalidOperationException($"{log}: expected exactly one Csc call in the task performance summary.");
            return new CompilerReport(
                double.Parse(csc.Groups[1].Value, CultureInfo.InvariantCulture) / 1000,
                Seconds(AnalyzerTotal, text),
                Seconds(GeneratorTotal, text),
                Seconds(NetGen, text),
                Seconds(NetGenAnalyzerLine, text),
                // The Csc task says which compiled: "CompilerServer: server - server processed compilation" or "... command line tool".
                text.Contains("CompilerServer: server - server processed compilation", StringComparison.Ordinal));
        }

        private static double Seconds(Regex regex, string text)
        {
            var m = regex.Match(text);
            return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        }
    }

    private static double TimedBuild(Variant v, bool full, string? log, string what)
    {
        var args = new List<string> { "build", v.Project, "-c", Config, "--no-restore", "-nologo", "-p:BuildProjectReferences=false" };
        if (full) args.Add("--no-incremental");
        if (log is null)
        {
            args.Add("-v:q");
        }
        else
        {
            args.Add("-v:q");
            args.Add("-p:ReportAnalyzer=true");
            args.Add($"-flp:verbosity=detailed;performancesummary;logfile={log}");
        }
        var sw = Stopwatch.StartNew();
        var result = Dotnet(args.ToArray());
        sw.Stop();
        Require(result, what);
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>Packs NetGen from the repository into DIR/feed and writes the project that consumes the package.</summary>
    private static string WritePackageConsumer(string dir, string repo)
    {
        var feed = Path.Combine(dir, "feed");
        Require(Dotnet("pack", Path.Combine(repo, "Runtime", "NetGen.Package", "NetGen.Package.csproj"), "-c", Config, "-o", feed, "-nologo", "-v:q"), "dotnet pack NetGen.Package");
        var nupkg = Directory.GetFiles(feed, "NetGen.*.nupkg").Single();
        var version = Path.GetFileNameWithoutExtension(nupkg)["NetGen.".Length..];
        var locals = Dotnet("nuget", "locals", "global-packages", "--list").Output;
        var machinePackages = locals.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("global-packages:", StringComparison.Ordinal))?["global-packages:".Length..].Trim();
        return PackageConsumer.Write(dir, feed, version, Directory.Exists(machinePackages) ? machinePackages : null);
    }

    private static void Edit(string file, int round, string kind) =>
        File.AppendAllText(file, $"// edit {round} {kind}\n");

    private static void Shutdown() => Require(Dotnet("build-server", "shutdown"), "dotnet build-server shutdown");

    private static (int Code, string Output) Dotnet(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        // The SDK compiles through its compiler server (VBCSCompiler) unless told not to. Some machines are told not to:
        // this one's environment sets UseSharedCompilation=false, which makes every build a new csc process that loads
        // and JIT-compiles NetGen again. Builds are timed as a user's run, so the variable is removed: full builds follow
        // `dotnet build-server shutdown` (a cold server), incremental builds find it warm.
        psi.Environment.Remove("UseSharedCompilation");
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }

    private static void Require((int Code, string Output) result, string what)
    {
        if (result.Code == 0) return;
        Console.Error.WriteLine(result.Output);
        throw new InvalidOperationException($"{what} failed with exit code {result.Code}.");
    }

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "NetGen.sln")) && File.Exists(Path.Combine(d.FullName, "build", "NetGen.Local.props")))
                    return d.FullName;
            }
        }
        throw new InvalidOperationException("Run from inside the NetGen repository (NetGen.sln not found above the current directory).");
    }

    private static void PrintSourceSizes(string dir, Variant[] variants)
    {
        foreach (var v in variants)
        {
            var src = Directory.GetFiles(Path.GetDirectoryName(v.Project)!, "*.cs");
            var genDir = Path.Combine(dir, "generated", v.Name);
            var gen = Directory.Exists(genDir)
                ? Directory.GetFiles(genDir, "*.cs", SearchOption.AllDirectories).Where(f => f.Contains("NetGen.Generator", StringComparison.Ordinal)).ToArray()
                : [];
            Console.WriteLine($"{v.Name}: {src.Length} source files, {Lines(src)} lines; NetGen-generated: {gen.Length} files, {Lines(gen)} lines.");
        }

        static long Lines(string[] files) => files.Sum(f => (long)File.ReadLines(f).Count());
    }

    private static double Median(IEnumerable<double> values)
    {
        var s = values.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    private static void PrintReport(Variant[] variants, int models, int runs)
    {
        string F(double x) => x.ToString("F2", CultureInfo.InvariantCulture);
        string R(double a, double b) => (a / b).ToString("F2", CultureInfo.InvariantCulture) + "×";
        var (without, with) = (variants[0], variants[1]);

        Console.WriteLine();
        var logged = variants.SelectMany(v => v.Full.Concat(v.Incremental).Concat(v.Steady)).ToArray();
        Console.WriteLine($"Medians of {runs} runs, {models} models. Compiled by the compiler server in " +
                          $"{logged.Count(r => r.ByServer)} of {logged.Length} logged builds.");
        foreach (var other in variants.Skip(1))
        {
            Console.WriteLine();
            Console.WriteLine($"| build | {without.Name} (s) | {other.Name} (s) | ratio of medians | median in-round ratio |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            Row("full build, wall clock (cold compiler server)", without.FullWall, other.FullWall);
            Row("incremental build after a one-file edit, wall clock", without.IncrementalWall, other.IncrementalWall);
            Row("incremental build, compiler server warm (its 3rd and 4th builds), wall clock", without.SteadyWall, other.SteadyWall);
            Row("full build: Csc task", without.Full.Select(r => r.CscTask), other.Full.Select(r => r.CscTask));
            Row("incremental build: Csc task", without.Incremental.Select(r => r.CscTask), other.Incremental.Select(r => r.CscTask));
            Row("full build: all analyzers (CA/IDE…)", without.Full.Select(r => r.AnalyzersTotal), other.Full.Select(r => r.AnalyzersTotal));
            Row("full build: all source generators", without.Full.Select(r => r.GeneratorsTotal), other.Full.Select(r => r.GeneratorsTotal));
            Row("incremental build: all source generators", without.Incremental.Select(r => r.GeneratorsTotal), other.Incremental.Select(r => r.GeneratorsTotal));
            Row("incremental build, server warm: Csc task", without.Steady.Select(r => r.CscTask), other.Steady.Select(r => r.CscTask));
            Console.WriteLine($"In-round ratios, full build: {InRound(without.FullWall, other.FullWall)}; " +
                              $"incremental: {InRound(without.IncrementalWall, other.IncrementalWall)}; " +
                              $"incremental, server warm: {InRound(without.SteadyWall, other.SteadyWall)}");
        }

        Console.WriteLine();
        var genFull = Median(with.Full.Select(r => r.NetGenGenerator));
        var genIncr = Median(with.Incremental.Select(r => r.NetGenGenerator));
        Console.WriteLine($"NetGenGenerator in {with.Name}, full build:        {genFull:F3} s = {genFull / models * 1000:F1} ms per model; " +
                          $"{genFull / Median(with.Full.Select(r => r.CscTask)) * 100:F1}% of Csc, {genFull / Median(with.FullWall) * 100:F1}% of the build's wall clock");
        Console.WriteLine($"NetGenGenerator in {with.Name}, incremental build: {genIncr:F3} s = {genIncr / models * 1000:F1} ms per model; " +
                          $"{genIncr / Median(with.Incremental.Select(r => r.CscTask)) * 100:F1}% of Csc, {genIncr / Median(with.IncrementalWall) * 100:F1}% of the build's wall clock");

        Console.WriteLine();
        Console.WriteLine("NetGen's compile-time cost per model (generator + analyzer, medians; from ReportAnalyzer):");
        foreach (var v in variants)
        {
            var generator = Median(v.Full.Select(r => r.NetGenGenerator));
            var analyzer = Median(v.Full.Select(r => r.NetGenAnalyzer));
            var total = Median(v.Full.Select(r => r.NetGenGenerator + r.NetGenAnalyzer));
            Console.WriteLine($"  {v.Name,-30} full build: generator {generator / models * 1000:F1} ms, analyzer {analyzer / models * 1000:F1} ms, " +
                              $"together {total / models * 1000:F1} ms per model; server warm (its 3rd build): generator " +
                              $"{Median(v.Steady.Select(r => r.NetGenGenerator)) / models * 1000:F1} ms, analyzer {Median(v.Steady.Select(r => r.NetGenAnalyzer)) / models * 1000:F1} ms");
        }

        Console.WriteLine();
        Console.WriteLine("Per run (s): full wall | incremental wall | NetGenGenerator full | NetGenGenerator incremental | NetGenAnalyzer full | server-warm incremental wall | its NetGenGenerator");
        foreach (var v in variants)
        {
            Console.WriteLine($"  {v.Name,-14} " + string.Join("  ", Enumerable.Range(0, runs).Select(i =>
                $"[{F(v.FullWall[i])} {F(v.IncrementalWall[i])} {v.Full[i].NetGenGenerator:F3} {v.Incremental[i].NetGenGenerator:F3} {v.Full[i].NetGenAnalyzer:F3} {F(v.SteadyWall[i])} {v.Steady[i].NetGenGenerator:F3}]")));
        }

        if (variants.All(v => v.Full.All(r => r.NetGenGenerator > 0)))
        {
            // Both projects use NetGen (--forwards): the in-round difference is what following the forwards adds.
            var perForward = Median(Enumerable.Range(0, runs).Select(i =>
                (with.Full[i].NetGenGenerator + with.Full[i].NetGenAnalyzer - without.Full[i].NetGenGenerator - without.Full[i].NetGenAnalyzer) / models * 1000));
            Console.WriteLine();
            Console.WriteLine($"Following a hand-written forward adds {perForward:F1} ms per model (median of the in-round differences, generator + analyzer).");
        }

        // Each round's NetGen build over that round's hand-written one, in round order.
        string InRound(List<double> baseline, List<double> measured) => string.Join(" ", measured.Select((x, i) => F(x / baseline[i])));

        void Row(string label, IEnumerable<double> a, IEnumerable<double> b)
        {
            var (xa, xb) = (a.ToArray(), b.ToArray());
            var inRound = Median(xb.Select((x, i) => xa[i] > 0 ? x / xa[i] : double.NaN).Where(x => !double.IsNaN(x)).DefaultIfEmpty(double.NaN));
            Console.WriteLine($"| {label} | {F(Median(xa))} | {F(Median(xb))} | {R(Median(xb), Median(xa))} | {(double.IsNaN(inRound) ? "—" : F(inRound) + "×")} |");
        }
    }
}
