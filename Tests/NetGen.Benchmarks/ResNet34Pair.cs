using System;
using NetGen.Benchmarks.HandWritten;
using NetGen.Samples;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// The generated seed ResNet34 and the hand-written one, holding the same weights: the hand-written model
/// loads the generated one's state dict, so both compute the same numbers from the same memory layout.
/// A <c>width</c> above 0 makes every stage that many channels wide (the seed's layout otherwise).
/// </summary>
public sealed class ResNet34Pair : IDisposable
{
    public ResNet34Pair(int numClasses = 101, int width = 0)
    {
        manual_seed(0);
        Generated = width > 0 ? new ResNet34(numClasses, width, width, width, width, width) : new ResNet34(numClasses);
        HandWritten = width > 0
            ? new HandWrittenResNet34(numClasses, width, width, width, width, width)
            : new HandWrittenResNet34(numClasses);
        HandWritten.load_state_dict(Generated.state_dict());
    }

    public ResNet34 Generated { get; }

    public HandWrittenResNet34 HandWritten { get; }

    public void Eval()
    {
        Generated.eval();
        HandWritten.eval();
    }

    public void Dispose()
    {
        Generated.Dispose();
        HandWritten.Dispose();
    }
}
