using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.HandWritten;

namespace NetGen.Benchmarks;

/// <summary>
/// Re-initialising the full-size ResNet34 with torchvision's ResNet scheme (<see cref="InitSchemes.ResNet"/>):
/// the generated <c>init_weights(plan)</c> against the <c>modules()</c> loop a TorchSharp user writes
/// (<see cref="ModuleLoopInit"/>), both drawing through NetGen's <see cref="Initializers"/>.
/// </summary>
public class InitWeightsBenchmarks
{
    private ResNet34Pair _models = null!;

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkSettings.FixThreads();
        _models = new ResNet34Pair(101);
    }

    [GlobalCleanup]
    public void Cleanup() => _models.Dispose();

    [Benchmark(Baseline = true)]
    public void ModuleLoop() => ModuleLoopInit.Apply(_models.HandWritten);

    [Benchmark]
    public void GeneratedInitWeights() => _models.Generated.init_weights(InitSchemes.ResNet);
}
