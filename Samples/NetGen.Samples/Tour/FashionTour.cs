using NetGen;
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using NetGen.Samples.Data;
using NetGen.Samples.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tour;

/// <summary>What a tour run produced (for tests and the closing note).</summary>
public sealed record TourResult(
    Evaluation Before, TrainResult Training, Evaluation Test, string? CheckpointPath,
    LoadReport? Transfer, TrainResult? FineTuning, Evaluation? CoarseTest, TimeSpan Elapsed, bool Cancelled);

/// <summary>
/// The main sample: build FashionNet, train it on Fashion-MNIST, report test accuracy, save the state dict
/// atomically, transfer the backbone into a 4-class model and fine-tune it with per-group learning rates.
/// </summary>
public static class FashionTour
{
    public static TourResult Run(TourOptions options, TextWriter output, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        if (options.Threads > 0) torch.set_num_threads(options.Threads);
        string dir = FashionMnist.Locate(options.DataDirectory);
        output.WriteLine($"Data: {dir}");
        using var data = FashionMnist.Load(dir, options.TrainLimit, options.TestLimit);
        output.WriteLine($"  {data.TrainImages.shape[0]:N0} training images, {data.TestImages.shape[0]:N0} test images");

        // 1. Build: the generated constructor creates and registers every layer under PyTorch's names.
        torch.manual_seed(options.Seed);
        using var model = new FashionNet(numClasses: 10);
        output.WriteLine("FashionNet(numClasses: 10), summary generated at compile time:");
        output.WriteLine(FashionNet.Summary);
        model.init_weights();
        output.WriteLine("Initialised with the seed's scheme: Conv2d xavier_normal (bias 0), Linear normal(0, 0.01) (bias 0).");

        // 2. Train.
        var before = Trainer.Evaluate(model, data.TestImages, data.TestLabels);
        output.WriteLine($"Training: Adam lr {options.LearningRate} (cosine decay per epoch), {options.Epochs} epoch(s), batch {options.BatchSize} " +
                         $"(untrained: loss {before.Loss:F4}, accuracy {100 * before.Accuracy:F2}%)");
        var adam = optim.Adam(model.parameters(), lr: options.LearningRate);
        var training = Trainer.Train(model, adam, data.TrainImages, data.TrainLabels, options.Epochs,
                                     options.BatchSize, options.Seed, output, cancel, cosine: true);
        if (training.Cancelled)
            return Stopped(output, before, training, clock);
        var test = Trainer.Evaluate(model, data.TestImages, data.TestLabels);
        output.WriteLine($"Test accuracy: {100 * test.Accuracy:F2}% on {test.Count:N0} images (loss {test.Loss:F4}), " +
                         $"trained in {training.Elapsed.TotalSeconds:F1} s at {training.SamplesPerSecond:F0} samples/s");

        // 3. Save the state dict atomically (temp file in the same directory, then one rename).
        if (cancel.IsCancellationRequested)
            return Stopped(output, before, training, clock, test);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
        model.SaveCheckpoint(options.Output);
        output.WriteLine($"Saved state dict: {Path.GetFullPath(options.Output)} ({new FileInfo(options.Output).Length:N0} bytes)");

        // 4. A new head: the same architecture with 4 coarse classes; copy every entry whose key and shape match.
        torch.manual_seed(options.Seed + 1);
        using var coarse = new FashionNet(numClasses: CoarseGroups.Names.Length);
        var transfer = coarse.TransferFrom(options.Output);
        output.WriteLine($"Transfer into FashionNet(numClasses: 4) [{string.Join(", ", CoarseGroups.Names)}]:");
        output.WriteLine($"  copied  {transfer.Loaded.Count}: {string.Join(", ", transfer.Loaded)}");
        output.WriteLine($"  skipped {transfer.ShapeMismatched.Count}: {string.Join(", ", transfer.ShapeMismatched)}");

        // 5. Fine-tune: the copied layers learn slowly, the new head quickly (two Adam parameter groups).
        using var trainCoarse = CoarseGroups.Map(data.TrainLabels);
        using var testCoarse = CoarseGroups.Map(data.TestLabels);
        var coarseBefore = Trainer.Evaluate(coarse, data.TestImages, testCoarse);
        var fineAdam = ParameterGroups.For(coarse)
            .Add(coarse.fc3, options.HeadLearningRate)
            .Rest(options.BackboneLearningRate)
            .Adam();
        output.WriteLine($"Fine-tuning: Adam lr {options.BackboneLearningRate} for conv1, conv2, fc1, fc2 and " +
                         $"{options.HeadLearningRate} for fc3, {options.FineTuneEpochs} epoch(s) " +
                         $"(before: accuracy {100 * coarseBefore.Accuracy:F2}%)");
        var fine = Trainer.Train(coarse, fineAdam, data.TrainImages, trainCoarse, options.FineTuneEpochs,
                                 options.BatchSize, options.Seed + 1, output, cancel, label: "fine-tune");
        if (fine.Cancelled)
            return Stopped(output, before, training, clock, test, options.Output, transfer, fine);
        var coarseTest = Trainer.Evaluate(coarse, data.TestImages, testCoarse);
        output.WriteLine($"4-class test accuracy: {100 * coarseTest.Accuracy:F2}% on {coarseTest.Count:N0} images " +
                         $"(loss {coarseTest.Loss:F4})");
        output.WriteLine($"Tour finished in {clock.Elapsed.TotalSeconds:F1} s.");
        return new TourResult(before, training, test, options.Output, transfer, fine, coarseTest, clock.Elapsed, false);
    }

    private static TourResult Stopped(TextWriter output, Evaluation before, TrainResult training, Stopwatch clock,
                                      Evaluation test = default, string? checkpoint = null,
                                      LoadReport? transfer = null, TrainResult? fine = null)
    {
        output.WriteLine(checkpoint is null
            ? "Stopped (Ctrl+C): no checkpoint was written."
            : $"Stopped (Ctrl+C) during fine-tuning; the checkpoint {checkpoint} is complete.");
        return new TourResult(before, training, test, checkpoint, transfer, fine, null, clock.Elapsed, true);
    }
}
