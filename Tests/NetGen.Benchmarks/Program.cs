using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using NetGen.Benchmarks;

// Generated vs hand-written TorchSharp ResNet34 (docs/performance.md):
//   dotnet run -c Release --project Tests/NetGen.Benchmarks -- --filter '*'
//     BenchmarkDotNet: construction, forward (batch 2, eval, no_grad), init_weights; then a table of
//     medians and median ratios.
//   dotnet run -c Release --project Tests/NetGen.Benchmarks -- paired [rounds] [width]
//     the forward ratio measured with the two models interleaved (default 40 rounds); a width (e.g. 4)
//     narrows every stage so the per-call cost of the forward code dominates.
//   dotnet run -c Release --project Tests/NetGen.Benchmarks -- torchvision [rounds] [batch] [variant,variant]
//     NetGen's torchvision declarations against TorchSharp's TorchVision 0.107 package (docs/zoo.md):
//     state-dict compatibility, output difference and the interleaved forward ratio (default 20 rounds, batch 1).
//   dotnet run -c Release --project Tests/NetGen.Benchmarks -- shufflenet [rounds] [batch]
//     the generated ShuffleNetV2 x0_5 against a hand-written port on the same weights (docs/wiring.md):
//     tensors created per forward and the interleaved forward ratio (default 40 rounds, batch 8).
// NETGEN_BENCH_THREADS sets TorchSharp's thread count (default 2).
if (args.Length > 0 && args[0] == "shufflenet")
{
    PairedShuffleNet.Run(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8);
    return 0;
}

if (args.Length > 0 && args[0] == "paired")
{
    PairedForward.Run(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0);
    return 0;
}

if (args.Length > 0 && args[0] == "torchvision")
{
    TorchVisionComparison.Run(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1,
        args.Length > 3 ? args[3].Split(',') : []);
    return 0;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkSettings).Assembly).Run(args, BenchmarkSettings.Config);
MedianRatios.Print(summaries);
return 0;
