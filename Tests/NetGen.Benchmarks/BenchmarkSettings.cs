using System;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>The one job every benchmark here runs under, and the fixed TorchSharp thread count.</summary>
public static class BenchmarkSettings
{
    /// <summary>
    /// Intra-op threads for TorchSharp: 2 (this machine's cores) unless <c>NETGEN_BENCH_THREADS</c> says
    /// otherwise. Fixed so that runs are comparable; set in every benchmark's global setup.
    /// </summary>
    public static int Threads { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("NETGEN_BENCH_THREADS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : 2;

    public static void FixThreads() => set_num_threads(Threads);

    /// <summary>
    /// In-process (no separate benchmark project is generated and built, and the process uses this output
    /// folder's patched libLibTorchSharp.so), one launch, 2 warmups and 10 measured iterations: enough for a
    /// median on 2 cores without the default job's minutes per benchmark. An invocation takes
    /// 50–300 ms, so BenchmarkDotNet's default 500 ms iteration holds a few of them.
    /// </summary>
    public static IConfig Config { get; } = DefaultConfig.Instance
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(10)
            .WithUnrollFactor(1)
            .WithId("InProcess"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
}
