using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.HandWritten;
using NetGen.Samples;

namespace NetGen.Benchmarks;

/// <summary>Building the full-size ResNet34 (101 classes, 21.4 M parameters with PyTorch's default init).</summary>
public class ConstructionBenchmarks
{
    [GlobalSetup]
    public void Setup() => BenchmarkSettings.FixThreads();

    [Benchmark(Baseline = true)]
    public void HandWritten()
    {
        using var model = new HandWrittenResNet34(101);
    }

    [Benchmark]
    public void Generated()
    {
        using var model = new ResNet34(101);
    }
}
