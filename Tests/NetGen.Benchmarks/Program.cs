using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using NetGen.Benchmarks;

// Generated vs hand-written TorchSharp ResNet34 (docs/performance.md):
//   dotnet run -c Release --project Tests/NetGen.Benchmarks -- --filter '*'
//     BenchmarkDotNet: construction, forward (batch 2, eval, no_grad), init_weights; then a table of
//     medians and median ratios.
//   dotnet run -c Release --project Tests/NetGen.Benchmarks -- paired [rounds]
//     the forward ratio measured with the two models interleaved (default 40 rounds).
if (args.Length > 0 && args[0] == "paired")
{
    PairedForward.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40);
    return 0;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkSettings).Assembly).Run(args, BenchmarkSettings.Config);
MedianRatios.Print(summaries);
return 0;
