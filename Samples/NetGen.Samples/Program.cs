using System;
using System.Threading;
using NetGen.Samples;

// NetGen's main sample. With no arguments: print the seed Net's output shape, then the Fashion-MNIST tour
// (Tour/FashionTour.cs). `seed` summarises the seed models; `--help` lists the options.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops after the current batch, with no partial checkpoint; a second one kills.
    if (cancel.IsCancellationRequested) return;
    e.Cancel = true;
    cancel.Cancel();
    Console.Error.WriteLine();
    Console.Error.WriteLine("Ctrl+C: stopping after the current batch (press again to kill)...");
};
return SampleCli.Run(args, Console.Out, Console.Error, cancel.Token);
