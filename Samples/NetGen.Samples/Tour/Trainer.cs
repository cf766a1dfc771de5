using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Samples.Tour;

/// <summary>Loss and accuracy of a model on a data set.</summary>
public readonly record struct Evaluation(double Loss, double Accuracy, long Count);

/// <summary>What a training run did.</summary>
public sealed record TrainResult(IReadOnlyList<double> EpochLosses, IReadOnlyList<double> EpochAccuracies,
                                 long Samples, TimeSpan Elapsed, bool Cancelled)
{
    public double SamplesPerSecond => Samples / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>Mini-batch training with cross-entropy and a live progress line, and evaluation.</summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="model"/> for <paramref name="epochs"/> epochs over shuffled mini-batches of
    /// (<paramref name="images"/>, <paramref name="labels"/>). The progress line (epoch, batch, loss,
    /// accuracy, samples/s) is rewritten in place on a console and printed once per epoch otherwise.
    /// Stops after the current batch when <paramref name="cancel"/> is signalled. When
    /// <paramref name="cosine"/> is set, every parameter group's learning rate follows a cosine from its
    /// initial value down to zero over the run (set once per epoch).
    /// </summary>
    public static TrainResult Train(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer,
                                    Tensor images, Tensor labels, int epochs, int batchSize, long seed,
                                    TextWriter? progress, CancellationToken cancel, string label = "train",
                                    bool cosine = false)
    {
        long n = images.shape[0];
        int batches = (int)((n + batchSize - 1) / batchSize);
        var losses = new List<double>();
        var accuracies = new List<double>();
        var clock = Stopwatch.StartNew();
        long seen = 0;
        bool live = progress is not null && ReferenceEquals(progress, Console.Out) && !Console.IsOutputRedirected;
        var lastDraw = TimeSpan.Zero;
        using var generator = new Generator((ulong)seed);
        model.train();
        var groups = optimizer.ParamGroups.ToList();
        var initial = groups.Select(g => g.LearningRate).ToList();

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            double lossSum = 0; long correct = 0, count = 0;
            if (cosine)
                for (int g = 0; g < groups.Count; g++)
                    groups[g].LearningRate = initial[g] * 0.5 * (1 + Math.Cos(Math.PI * (epoch - 1) / epochs));
            using var order = randperm(n, generator: generator);
            for (int b = 0; b < batches; b++)
            {
                if (cancel.IsCancellationRequested)
                {
                    if (live) progress!.WriteLine();
                    return new TrainResult(losses, accuracies, seen, clock.Elapsed, Cancelled: true);
                }
                using var scope = NewDisposeScope();
                var idx = order.narrow(0, (long)b * batchSize, Math.Min(batchSize, n - (long)b * batchSize));
                var x = images.index_select(0, idx);
                var y = labels.index_select(0, idx);
                optimizer.zero_grad();
                var logits = model.call(x);
                var loss = nn.functional.cross_entropy(logits, y);
                loss.backward();
                optimizer.step();

                long m = y.shape[0];
                lossSum += loss.item<float>() * m;
                correct += logits.argmax(1).eq(y).sum().item<long>();
                count += m;
                seen += m;

                var now = clock.Elapsed;
                if (live && (now - lastDraw).TotalMilliseconds >= 200 || live && b == batches - 1)
                {
                    lastDraw = now;
                    progress!.Write($"\r  {label} epoch {epoch}/{epochs}  batch {b + 1}/{batches}  " +
                                    $"loss {lossSum / count:F4}  acc {100.0 * correct / count:F2}%  " +
                                    $"{seen / Math.Max(now.TotalSeconds, 1e-9):F0} samples/s   ");
                }
            }
            losses.Add(lossSum / count);
            accuracies.Add((double)correct / count);
            if (live) progress!.WriteLine();
            else progress?.WriteLine($"  {label} epoch {epoch}/{epochs}  batch {batches}/{batches}  " +
                                     $"loss {lossSum / count:F4}  acc {100.0 * correct / count:F2}%  " +
                                     $"{seen / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):F0} samples/s");
        }
        return new TrainResult(losses, accuracies, seen, clock.Elapsed, Cancelled: false);
    }

    /// <summary>Mean cross-entropy and accuracy of <paramref name="model"/> in eval mode, without gradients.</summary>
    public static Evaluation Evaluate(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels, int batchSize = 1000)
    {
        bool wasTraining = model.training;
        model.eval();
        using var _ = no_grad();
        long n = images.shape[0];
        double lossSum = 0; long correct = 0;
        for (long start = 0; start < n; start += batchSize)
        {
            using var scope = NewDisposeScope();
            long m = Math.Min(batchSize, n - start);
            var x = images.narrow(0, start, m);
            var y = labels.narrow(0, start, m);
            var logits = model.call(x);
            lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(y).sum().item<long>();
        }
        model.train(wasTraining);
        return new Evaluation(lossSum / n, (double)correct / n, n);
    }
}
