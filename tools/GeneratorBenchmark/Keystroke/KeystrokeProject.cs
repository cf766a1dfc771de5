using System;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator;

namespace NetGen.GeneratorBenchmark.Keystroke;

/// <summary>
/// The 200-model project in memory, as an IDE holds it: one compilation, a generator driver warmed on it, and the
/// compilations one keystroke later. Roslyn reuses every unchanged syntax tree, as the IDE's workspace does.
/// </summary>
internal sealed class KeystrokeProject
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly ImmutableArray<MetadataReference> References = Net100.References.All.Cast<MetadataReference>()
        .Concat(new[] { typeof(TorchSharp.torch).Assembly, typeof(NetGen.ModelAttribute).Assembly, typeof(NetGen.ModelSummary).Assembly }
            .Distinct().Select(a => MetadataReference.CreateFromFile(a.Location)))
        .ToImmutableArray();

    /// <param name="trackSteps">Whether the driver records each step's outputs, as the step report needs. An IDE does not,
    /// and the recording costs about a third of a keystroke, so the timed runs leave it off.</param>
    public KeystrokeProject(int models, bool trackSteps)
    {
        var trees = ModelTrees(models);
        Models = trees.Count;
        Compilation = Create(trees.Append(Scratch(0)));
        EditedFile = SyntheticProjects.EditedFile(models / SyntheticProjects.KindsPerFamily);
        Warm = CreateDriver(trackSteps).RunGenerators(Compilation);
    }

    /// <summary>
    /// The first run of NetGen in a process, as a command-line build makes it: on a compilation nothing has bound yet, after
    /// a floor generator has made the compiler's own first binding (so that what remains is NetGen's first run), then a
    /// second run on another new compilation. The difference is NetGen's one-time cost: compiling its code, static tables.
    /// </summary>
    /// <remarks>
    /// NetGen's second run is timed twice on new compilations: keeping nothing (<c>NothingKept.Scope</c>), as the first
    /// build of a new compiler server runs it, and as the next build on the same server, which finds the last build's
    /// parses, analyses and files (docs/performance.md, "Kept from one build to the next").
    /// </remarks>
    public static (double FloorMs, double FirstMs, double FloorAgainMs, double FreshMs, double KeptMs) FirstRuns(int models)
    {
        double Time(IIncrementalGenerator generator) => FullRun(generator, models).Elapsed.TotalMilliseconds;

        var floor = Time(FloorGenerators.BindMemberAttributes());
        var heldBefore = GC.GetTotalMemory(forceFullCollection: true);
        // How much of NetGen's first run is the JIT compiling code (NetGen's, and whatever of Roslyn's only it calls).
        var (jitBefore, methodsBefore) = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
        var first = Time(new NetGenGenerator());
        Console.WriteLine($"NetGen's first run: {first:F0} ms, of which the JIT {(System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds:F0} ms "
            + $"compiling {System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore} methods");
        var floorAgain = Time(FloorGenerators.BindMemberAttributes());
        double fresh;
        using (NothingKept.Scope())
        {
            fresh = Time(new NetGenGenerator());
        }

        // What NetGen keeps for the next build (its parses with the files they read, of the last two compilations; analyses;
        // generated files): the heap after the next build's run, when every compilation is garbage, against the heap
        // before NetGen's first run (which adds NetGen's own static tables, a small part).
        var kept = Time(new NetGenGenerator());
        Console.WriteLine($"kept for the next build: {(GC.GetTotalMemory(forceFullCollection: true) - heldBefore) / 1e6:F1} MB for {models} models");
        return (floor, first, floorAgain, fresh, kept);
    }

    /// <summary>What one full run of a generator cost, on this thread.</summary>
    public readonly record struct RunCost(TimeSpan Elapsed, long AllocatedBytes, int Gen0Collections);

    /// <summary>One run of <paramref name="generator"/> on a new compilation of <paramref name="models"/> models; building the compilation is not counted.</summary>
    public static RunCost FullRun(IIncrementalGenerator generator, int models)
    {
        var compilation = NewCompilation(models);
        var (bytes, collections) = (GC.GetAllocatedBytesForCurrentThread(), GC.CollectionCount(0));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        CreateDriver(generator, trackSteps: false).RunGenerators(compilation);
        watch.Stop();
        return new RunCost(watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - bytes, GC.CollectionCount(0) - collections);
    }

    public int Models { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>The model the edits touch: one in the middle of the set, the command-line benchmark's.</summary>
    public string EditedFile { get; }

    /// <summary>The driver after a first run, holding every step's cached output.</summary>
    public GeneratorDriver Warm { get; }

    /// <summary>The project as a command-line build sees it: syntax trees and a compilation no one has used.</summary>
    public static CSharpCompilation NewCompilation(int models) => Create(ModelTrees(models));

    private static System.Collections.Generic.List<SyntaxTree> ModelTrees(int models) =>
        SyntheticProjects.NetGenSources(models / SyntheticProjects.KindsPerFamily)
            .Select(m => CSharpSyntaxTree.ParseText(m.Source, ParseOptions, path: m.Name + ".cs"))
            .ToList();

    private static CSharpCompilation Create(System.Collections.Generic.IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("WithNetGen", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver of another generator, warmed on the same compilation, to compare NetGen with.</summary>
    public GeneratorDriver WarmDriverOf(IIncrementalGenerator generator) => CreateDriver(generator, trackSteps: false).RunGenerators(Compilation);

    public static GeneratorDriver CreateDriver(bool trackSteps) => CreateDriver(new NetGenGenerator(), trackSteps);

    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>A user typing into this project from its warm state, with the driver of <paramref name="generator"/> (NetGen's if null).</summary>
    public Typist Type(IIncrementalGenerator? generator = null) =>
        new(Compilation, generator is null ? Warm : WarmDriverOf(generator), EditedFile);

    public static SyntaxTree Scratch(int value) =>
        CSharpSyntaxTree.ParseText($"namespace Synthetic.Models; public static class Scratch {{ public static int Value => {value}; }}", ParseOptions, path: "Scratch.cs");
}
