using System;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator;

namespace NetGen.GeneratorBenchmark.Keystroke;

/// <summary>
/// Which of the generator's named steps re-ran for each kind of keystroke: per step, how many outputs came out
/// New, Modified, Unchanged or Cached, and the time Roslyn recorded for the step. BenchmarkDotNet times the runs;
/// this says why they cost what they cost.
/// </summary>
internal static class StepReport
{
    public static void Print(int models)
    {
        var watch = Stopwatch.StartNew();
        var project = new KeystrokeProject(models, trackSteps: true);
        Console.WriteLine($"{project.Models} models; cold run and warm-up {watch.Elapsed.TotalMilliseconds:F0} ms");

        // What a new compiler server's first build runs: a new driver on new syntax trees, and nothing kept from an
        // earlier build (the warm-up above ran the same text, so without the scope NetGen would take its results).
        var compilation = KeystrokeProject.NewCompilation(models);
        GeneratorRunResult full;
        using (NothingKept.Scope())
        {
            watch.Restart();
            full = KeystrokeProject.CreateDriver(trackSteps: true).RunGenerators(compilation).GetRunResult().Results.Single();
        }

        Print("full run: a new driver on new syntax trees, keeping nothing", watch.Elapsed, full);

        // The same as the next build on a warm server: a new driver and new syntax trees, with what the last build kept.
        compilation = KeystrokeProject.NewCompilation(models);
        watch.Restart();
        var next = KeystrokeProject.CreateDriver(trackSteps: true).RunGenerators(compilation).GetRunResult().Results.Single();
        Print("the next build: a new driver on new syntax trees of the same text", watch.Elapsed, next);
        Report("edit outside every model", project, Edit.OutsideModels);
        Report("comment inside one model", project, Edit.CommentInModel);
        Report("attribute edit in one model", project, Edit.AttributeInModel);
    }

    /// <summary>
    /// The full run keeping nothing <paramref name="times"/> times, each on a new compilation, for a sampling profiler
    /// to watch where a build's run goes once the JIT has compiled NetGen; alternating with the floor generator that
    /// binds every member's attributes, the compiler's work that falls to whichever generator asks first.
    /// </summary>
    public static void RepeatFullRun(int models, int times)
    {
        using var scope = NothingKept.Scope();
        var netGen = new FullRuns();
        var floor = new FullRuns();
        for (var i = 0; i < times; i++)
        {
            floor.Run(FloorGenerators.BindMemberAttributes(), models);
            netGen.Run(new NetGenGenerator(), models);
        }

        Console.WriteLine($"{times} full runs, each on a new compilation (after one not counted); NetGen keeping nothing:");
        Console.WriteLine($"  floor (binds every member's attributes): {floor.Describe()}");
        Console.WriteLine($"  NetGen:                                  {netGen.Describe()}");
    }

    /// <summary>Time, allocation and gen-0 collections of a generator's runs, each on a new compilation; the first not counted.</summary>
    private sealed class FullRuns
    {
        private TimeSpan _elapsed;
        private long _allocated;
        private int _collections;
        private int _counted = -1;

        public void Run(IIncrementalGenerator generator, int models)
        {
            var cost = KeystrokeProject.FullRun(generator, models);
            if (++_counted == 0)
            {
                return;
            }

            _elapsed += cost.Elapsed;
            _allocated += cost.AllocatedBytes;
            _collections += cost.Gen0Collections;
        }

        public string Describe() =>
            $"{_elapsed.TotalMilliseconds / _counted,6:F1} ms, {_allocated / _counted / 1e6,6:F1} MB allocated, "
            + $"{(double)_collections / _counted:F1} collections each";
    }

    /// <summary>The attribute edit <paramref name="times"/> times, each following the last, for a sampling profiler to watch.</summary>
    public static void Repeat(int models, int times)
    {
        var typist = new KeystrokeProject(models, trackSteps: false).Type();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            typist.Run(typist.Next(Edit.AttributeInModel));
        }

        Console.WriteLine($"{times} keystrokes: {watch.Elapsed.TotalMilliseconds / times:F1} ms each");
    }

    /// <summary>The second of two keystrokes of one kind from the warm state: the first moves NetGen's reuse to that kind.</summary>
    private static void Report(string what, KeystrokeProject project, Edit edit)
    {
        var typist = project.Type();
        typist.Run(typist.Next(edit));
        var next = typist.Next(edit);
        var watch = Stopwatch.StartNew();
        var result = typist.Run(next).GetRunResult().Results.Single();
        Print(what, watch.Elapsed, result);
    }

    private static void Print(string what, TimeSpan elapsed, GeneratorRunResult result)
    {
        Console.WriteLine();
        Console.WriteLine($"{what}: {elapsed.TotalMilliseconds:F1} ms (one run, stopwatch)");
        Console.WriteLine($"  {"step",-18} {"runs",5} {"New",5} {"Modified",9} {"Unchanged",10} {"Cached",7} {"step time (ms)",15}");
        foreach (var (name, runs) in result.TrackedSteps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var outputs = runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
            Console.WriteLine($"  {name,-18} {runs.Length,5} {Count(outputs, IncrementalStepRunReason.New),5} {Count(outputs, IncrementalStepRunReason.Modified),9} "
                + $"{Count(outputs, IncrementalStepRunReason.Unchanged),10} {Count(outputs, IncrementalStepRunReason.Cached),7} {runs.Sum(r => r.ElapsedTime.TotalMilliseconds),15:F1}");
        }
    }

    private static int Count(System.Collections.Generic.List<IncrementalStepRunReason> reasons, IncrementalStepRunReason reason) => reasons.Count(r => r == reason);
}
