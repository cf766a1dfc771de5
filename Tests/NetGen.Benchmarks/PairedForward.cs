using System;
using System.Diagnostics;
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
    public static void Run(int rounds)
    {
        BenchmarkSettings.FixThreads();
        using var models = new ResNet34Pair(101);
        models.Eval();
        using var input = randn(2, 3, 224, 224);
        using var noGrad = no_grad();

        double Time(nn.Module<Tensor, Tensor> model)
        {
            var clock = Stopwatch.StartNew();
            using (model.call(input)) { }
            return clock.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < 3; i++)
        {
            Time(models.HandWritten);
            Time(models.Generated);
        }

        var ratios = new double[rounds];
        var generated = new double[rounds];
        var handWritten = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            double g, h;
            if (i % 2 == 0)
            {
                h = Time(models.HandWritten);
                g = Time(models.Generated);
            }
            else
            {
                g = Time(models.Generated);
                h = Time(models.HandWritten);
            }

            generated[i] = g;
            handWritten[i] = h;
            ratios[i] = g / h;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"paired forward, {rounds} rounds, {BenchmarkSettings.Threads} threads: hand-written median {Median(handWritten):0.0} ms, " +
            $"generated median {Median(generated):0.0} ms, median of per-round ratios {Median(ratios):0.000} " +
            $"(quartiles {Quantile(ratios, 0.25):0.000}–{Quantile(ratios, 0.75):0.000})"));
    }

    private static double Median(double[] values) => Quantile(values, 0.5);

    private static double Quantile(double[] values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
