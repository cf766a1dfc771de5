using System;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// A cross-check of the forward ratio that is robust to drift on a busy machine: the two models run
/// alternately (ABBA order, so neither always goes first), each round's generated/hand-written time ratio
/// is recorded, and the median of those ratios is printed. BenchmarkDotNet measures one model completely
/// before the other, so load that changes during a run shows up in its ratio but cancels out here.
/// </summary>
public static class PairedForward
{
    /// <param name="rounds">Measured rounds, each one forward of each model.</param>
    /// <param name="width">0 for the seed's widths; a small width (such as 4) leaves little convolution work,
    /// so what remains is mostly the per-call cost of the forward code itself.</param>
    public static void Run(int rounds, int width = 0)
    {
        BenchmarkSettings.FixThreads();
        using var models = new ResNet34Pair(101, width);
        models.Eval();
        using var input = randn(2, 3, 224, 224);
        using var noGrad = no_grad();

        // A first forward of each sets up what later ones reuse; the tensors a forward creates are counted on the second.
        InterleavedTimes.Forward(models.HandWritten, input);
        InterleavedTimes.Forward(models.Generated, input);
        long createdByHandWritten = TensorsCreated(() => InterleavedTimes.Forward(models.HandWritten, input));
        long createdByGenerated = TensorsCreated(() => InterleavedTimes.Forward(models.Generated, input));
        var times = InterleavedTimes.Measure(models.Generated, models.HandWritten, input, rounds);
        double[] generated = times.Subject, handWritten = times.Baseline, ratios = times.Ratios;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"paired forward, widths {(width > 0 ? width.ToString(CultureInfo.InvariantCulture) : "seed")}, {rounds} rounds, " +
            $"{BenchmarkSettings.Threads} threads: hand-written median {Statistics.Median(handWritten):0.000} ms, " +
            $"generated median {Statistics.Median(generated):0.000} ms, median of per-round ratios {Statistics.Median(ratios):0.000} " +
            $"(quartiles {Statistics.Quantile(ratios, 0.25):0.000}–{Statistics.Quantile(ratios, 0.75):0.000}); managed tensors created per forward: " +
            $"hand-written {createdByHandWritten}, generated {createdByGenerated}"));
    }

    private static long TensorsCreated(Action forward)
    {
        var stats = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics;
        long before = stats.CreatedInScopeCount + stats.CreatedOutsideScopeCount;
        forward();
        return stats.CreatedInScopeCount + stats.CreatedOutsideScopeCount - before;
    }
}
