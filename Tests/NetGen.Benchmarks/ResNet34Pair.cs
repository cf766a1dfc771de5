using System;
using NetGen.Benchmarks.HandWritten;
using NetGen.Samples;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// The generated seed ResNet34 and the hand-written one, holding the same weights: the hand-written model
/// loads the generated one's state dict, so both compute the same numbers from the same memory layout.
/// </summary>
public sealed class ResNet34Pair : IDisposable
{
    public ResNet34Pair(int numClasses = 101)
    {
        manual_seed(0);
        Generated = new ResNet34(numClasses);
        HandWritten = new HandWrittenResNet34(numClasses);
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
