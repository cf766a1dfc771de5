using BenchmarkDotNet.Attributes;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// One inference forward of the full-size ResNet34: batch 2, 3×224×224, eval mode, under <c>no_grad</c>.
/// Both models hold the same weights; the output is disposed inside the measured call.
/// </summary>
public class ForwardBenchmarks
{
    private ResNet34Pair _models = null!;
    private Tensor _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkSettings.FixThreads();
        _models = new ResNet34Pair(101);
        _models.Eval();
        _input = randn(2, 3, 224, 224);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _input.Dispose();
        _models.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void HandWritten()
    {
        using var noGrad = no_grad();
        using var output = _models.HandWritten.call(_input);
    }

    [Benchmark]
    public void Generated()
    {
        using var noGrad = no_grad();
        using var output = _models.Generated.call(_input);
    }
}
