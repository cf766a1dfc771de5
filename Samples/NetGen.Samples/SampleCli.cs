using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using NetGen.Samples.Data;
using NetGen.Samples.Tour;
using static TorchSharp.torch;

namespace NetGen.Samples;

/// <summary>
/// The sample's command line (System.CommandLine). With no arguments it runs the Fashion-MNIST tour;
/// <c>seed</c> summarises the seed models. Exit codes: 0 done, 1 bad arguments, 2 data error, 130 stopped by Ctrl+C.
/// </summary>
public static class SampleCli
{
    public const int DataError = 2, Interrupted = 130;

    /// <summary>Parses <paramref name="args"/> and runs the chosen command, writing to the given writers.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        var root = Build(output, error, cancel);
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    public static RootCommand Build(TextWriter output, TextWriter error, CancellationToken cancel)
    {
        var defaults = new TourOptions();
        var data = new Option<DirectoryInfo?>("--data", "-d")
        {
            Description = $"Directory with the Fashion-MNIST IDX files (gzipped or raw) [default: {FashionMnist.DebianDirectory} " +
                          "when present, else the copy shipped with the sample]",
        };
        var epochs = new Option<int>("--epochs", "-e") { Description = "Training epochs", DefaultValueFactory = _ => defaults.Epochs };
        var batch = new Option<int>("--batch-size", "-b") { Description = "Mini-batch size", DefaultValueFactory = _ => defaults.BatchSize };
        var trainLimit = new Option<int>("--train-limit")
        {
            Description = "Train on the first N images (0: all of them)", DefaultValueFactory = _ => defaults.TrainLimit,
        };
        var testLimit = new Option<int>("--test-limit")
        {
            Description = "Evaluate on the first N test images (0: all 10,000)", DefaultValueFactory = _ => defaults.TestLimit,
        };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate for training", DefaultValueFactory = _ => defaults.LearningRate };
        var fineEpochs = new Option<int>("--fine-tune-epochs")
        {
            Description = "Fine-tuning epochs of the 4-class model", DefaultValueFactory = _ => defaults.FineTuneEpochs,
        };
        var outputPath = new Option<string>("--output", "-o")
        {
            Description = "Where the trained state dict is saved (atomically)", DefaultValueFactory = _ => defaults.Output,
        };
        var seed = new Option<long>("--seed") { Description = "Random seed (weights and shuffling)", DefaultValueFactory = _ => defaults.Seed };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0: TorchSharp's default)", DefaultValueFactory = _ => 0 };

        epochs.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--epochs must be at least 1"); });
        batch.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--batch-size must be at least 1"); });
        trainLimit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--train-limit must be 0 or more"); });
        testLimit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--test-limit must be 0 or more"); });
        fineEpochs.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--fine-tune-epochs must be at least 1"); });

        var root = new RootCommand(
            "NetGen's main sample: trains FashionNet (declared with NetGen attributes) on Fashion-MNIST, reports test " +
            "accuracy, saves the state dict, transfers it into a 4-class model and fine-tunes it. Ctrl+C stops cleanly.");
        foreach (var o in new Option[] { data, epochs, batch, trainLimit, testLimit, lr, fineEpochs, outputPath, seed, threads })
            root.Options.Add(o);
        root.SetAction(parse =>
        {
            var options = new TourOptions
            {
                DataDirectory = parse.GetValue(data)?.FullName,
                Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batch),
                TrainLimit = parse.GetValue(trainLimit),
                TestLimit = parse.GetValue(testLimit),
                LearningRate = parse.GetValue(lr),
                FineTuneEpochs = parse.GetValue(fineEpochs),
                Output = parse.GetValue(outputPath)!,
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
            };
            try
            {
                PrintSeedNet(output);
                var result = FashionTour.Run(options, output, cancel);
                return result.Cancelled ? Interrupted : 0;
            }
            catch (DatasetFormatException e)
            {
                error.WriteLine($"error: Fashion-MNIST data: {e.Message}");
                error.WriteLine("Pass --data <dir> with train-images-idx3-ubyte(.gz), train-labels-idx1-ubyte(.gz), " +
                                "t10k-images-idx3-ubyte(.gz) and t10k-labels-idx1-ubyte(.gz).");
                return DataError;
            }
        });

        var seedCommand = new Command("seed", "Prints each seed model's summary (Net, SeedBlock(64, 128, 2), ResNet34(101)) " +
                                              "and the output shape of one forward pass on random input");
        var seedSeed = new Option<long>("--seed") { Description = "Random seed", DefaultValueFactory = _ => defaults.Seed };
        seedCommand.Options.Add(seedSeed);
        seedCommand.SetAction(parse => { SeedTour.Run(output, parse.GetValue(seedSeed)); return 0; });
        root.Subcommands.Add(seedCommand);
        return root;
    }

    /// <summary>The line the sample has always started with: the seed's Net on a 3×224×224 input.</summary>
    public static void PrintSeedNet(TextWriter output)
    {
        using var scope = NewDisposeScope();
        var net = new Net();
        net.eval();
        using var _ = no_grad();
        var y = net.call(randn(1, 3, 224, 224));
        output.WriteLine($"Net: input [1, 3, 224, 224] -> output [{string.Join(", ", y.shape)}]");
    }
}
