using System;
using System.Globalization;
using NetGen.Benchmarks.HandWritten;
using NetGen.Vision;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// The generated ShuffleNetV2 x0_5 ([Chunk], [ChannelShuffle], [Mean]) against a hand-written port on the same weights:
/// the tensors each forward creates, and the interleaved forward ratio (median of per-round ratios, ABBA order).
/// </summary>
public static class PairedShuffleNet
{
    public static void Run(int rounds, int batch)
    {
        BenchmarkSettings.FixThreads();
        manual_seed(0);
        using var generated = ShuffleNetV2.X0_5();
        using var handWritten = new HandWrittenShuffleNetV2();
        handWritten.load_state_dict(generated.state_dict());
        generated.eval();
        handWritten.eval();
        using var input = randn(batch, 3, 224, 224);
        using var noGrad = no_grad();

        InterleavedTimes.Forward(handWritten, input);
        InterleavedTimes.Forward(generated, input);
        long byHandWritten = TensorsCreated(() => InterleavedTimes.Forward(handWritten, input));
        long byGenerated = TensorsCreated(() => InterleavedTimes.Forward(generated, input));
        var times = InterleavedTimes.Measure(generated, handWritten, input, rounds);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"paired shufflenet_v2_x0_5 forward, batch {batch}, {rounds} rounds, {BenchmarkSettings.Threads} threads: " +
            $"hand-written median {Statistics.Median(times.Baseline):0.000} ms, generated median {Statistics.Median(times.Subject):0.000} ms, " +
            $"median of per-round ratios {Statistics.Median(times.Ratios):0.000} (quartiles {Statistics.Quantile(times.Ratios, 0.25):0.000}–" +
            $"{Statistics.Quantile(times.Ratios, 0.75):0.000}); managed tensors created per forward: hand-written {byHandWritten}, generated {byGenerated}"));
    }

    private static long TensorsCreated(Action forward)
    {
        var stats = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics;
        long before = stats.CreatedInScopeCount + stats.CreatedOutsideScopeCount;
        forward();
        return stats.CreatedInScopeCount + stats.CreatedOutsideScopeCount - before;
    }
}
