using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.GeneratorBenchmark.Keystroke;

/// <summary>
/// One keystroke in an IDE: NetGen's generator re-run from a warm driver on the 200-model project after one edit.
/// Each invocation starts from the same warm driver (drivers are immutable), so each measures one keystroke, not a
/// chain. The baseline is a keystroke in a file with no model, the floor any edit pays.
/// </summary>
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 3, iterationCount: 15)]
public class KeystrokeBenchmarks
{
    private KeystrokeProject _project = null!;
    private CSharpCompilation _unrelated = null!;
    private CSharpCompilation _comment = null!;
    private CSharpCompilation _attribute = null!;

    [Params(200)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = new KeystrokeProject(Models, trackSteps: false);
        _unrelated = _project.UnrelatedEdit();
        _comment = _project.Edited(KeystrokeProject.CommentInModel);
        _attribute = _project.Edited(KeystrokeProject.AttributeInModel);
    }

    [Benchmark(Baseline = true, Description = "edit outside every model")]
    public GeneratorDriver UnrelatedFile() => _project.Warm.RunGenerators(_unrelated);

    [Benchmark(Description = "comment inside one model")]
    public GeneratorDriver CommentInModel() => _project.Warm.RunGenerators(_comment);

    [Benchmark(Description = "attribute edit in one model")]
    public GeneratorDriver AttributeInModel() => _project.Warm.RunGenerators(_attribute);
}
