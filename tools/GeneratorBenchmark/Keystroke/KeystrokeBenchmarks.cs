using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.GeneratorBenchmark.Keystroke;

/// <summary>
/// One keystroke in an IDE: NetGen's generator re-run on the 200-model project after one edit. Each benchmark is a
/// user typing one kind of edit again and again (<see cref="Typist"/>): every invocation gets a compilation made for
/// it from the last one, as an IDE makes one per keystroke (a compilation caches what it has bound, so reusing one
/// would time every keystroke after the first without the compiler's binding), and the driver the last one left.
/// The two floors are generators that do nothing of NetGen's, typed at the same way in the same process: what
/// Roslyn charges any generator of this shape.
/// </summary>
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
// An IDE's process runs for hours, its code long since optimized by the JIT; 40 warm-up keystrokes bring this one there.
[SimpleJob(RunStrategy.Monitoring, warmupCount: 40, iterationCount: 20)]
public class KeystrokeBenchmarks
{
    private Typist _findModels = null!;
    private Typist _bindMembers = null!;
    private Typist _outside = null!;
    private Typist _comment = null!;
    private Typist _attribute = null!;
    private CSharpCompilation _next = null!;

    [Params(200)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var project = new KeystrokeProject(Models, trackSteps: false);
        _findModels = project.Type(FloorGenerators.FindModels());
        _bindMembers = project.Type(FloorGenerators.BindMemberAttributes());
        _outside = project.Type();
        _comment = project.Type();
        _attribute = project.Type();
    }

    [IterationSetup(Target = nameof(FindModelsFloor))]
    public void NextForFindModels() => _next = _findModels.Next(Edit.AttributeInModel);

    [IterationSetup(Target = nameof(BindMembersFloor))]
    public void NextForBindMembers() => _next = _bindMembers.Next(Edit.AttributeInModel);

    [IterationSetup(Target = nameof(OutsideModels))]
    public void NextOutside() => _next = _outside.Next(Edit.OutsideModels);

    [IterationSetup(Target = nameof(CommentInModel))]
    public void NextComment() => _next = _comment.Next(Edit.CommentInModel);

    [IterationSetup(Target = nameof(AttributeInModel))]
    public void NextAttribute() => _next = _attribute.Next(Edit.AttributeInModel);

    [Benchmark(Description = "floor: Roslyn finds the [Model] classes")]
    public GeneratorDriver FindModelsFloor() => _findModels.Run(_next);

    [Benchmark(Description = "floor: and binds every member's attributes")]
    public GeneratorDriver BindMembersFloor() => _bindMembers.Run(_next);

    [Benchmark(Baseline = true, Description = "edit outside every model")]
    public GeneratorDriver OutsideModels() => _outside.Run(_next);

    [Benchmark(Description = "comment inside one model")]
    public GeneratorDriver CommentInModel() => _comment.Run(_next);

    [Benchmark(Description = "attribute edit in one model")]
    public GeneratorDriver AttributeInModel() => _attribute.Run(_next);
}
