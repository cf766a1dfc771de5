using System;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.GeneratorBenchmark.Keystroke;

/// <summary>
/// A quick look, by stopwatch, at what BenchmarkDotNet measures: the three keystrokes for NetGen and the attribute edit
/// for the two floors, each typed <c>rounds</c> times in a row as BenchmarkDotNet does; and first, the runs a command-line
/// build makes: a new driver on a new compilation (<see cref="KeystrokeProject.FirstRuns"/>).
/// </summary>
internal static class QuickComparison
{
    public static void Run(int models, int rounds)
    {
        var (floorMs, firstMs, floorAgainMs, freshMs, keptMs) = KeystrokeProject.FirstRuns(models);
        Console.WriteLine($"runs on a new compilation: floor {floorMs:F0} ms, NetGen {firstMs:F0} ms (its first), floor {floorAgainMs:F0} ms, "
            + $"NetGen {freshMs:F0} ms keeping nothing, NetGen {keptMs:F0} ms as the next build");
        var project = new KeystrokeProject(models, trackSteps: false);
        var cases = new (string Name, Typist Typist, Edit Edit)[]
        {
            ("floor: Roslyn finds the [Model] classes", project.Type(FloorGenerators.FindModels()), Edit.AttributeInModel),
            ("floor: and binds every member's attributes", project.Type(FloorGenerators.BindMemberAttributes()), Edit.AttributeInModel),
            ("NetGen: edit outside every model", project.Type(), Edit.OutsideModels),
            ("NetGen: comment inside one model", project.Type(), Edit.CommentInModel),
            ("NetGen: attribute edit in one model", project.Type(), Edit.AttributeInModel),
        };
        var times = cases.Select(_ => new double[rounds]).ToArray();
        // Twice through, keeping the second: the first lets the JIT finish with the code every case runs.
        for (var c = 0; c < 2 * cases.Length; c++)
        {
            // One keystroke first, so that the timed ones follow a keystroke of their own kind.
            var (typist, edit) = (cases[c % cases.Length].Typist, cases[c % cases.Length].Edit);
            typist.Run(typist.Next(edit));
            for (var round = 0; round < rounds; round++)
            {
                var compilation = typist.Next(edit);
                var watch = Stopwatch.StartNew();
                typist.Run(compilation);
                times[c % cases.Length][round] = watch.Elapsed.TotalMilliseconds;
            }
        }

        for (var c = 0; c < cases.Length; c++)
        {
            Print(cases[c].Name, times[c]);
        }
    }

    private static void Print(string name, double[] times)
    {
        var sorted = times.OrderBy(t => t).ToArray();
        var n = sorted.Length;
        Console.WriteLine($"{name,-45} median {sorted[n / 2],7:F1} ms  (quartiles {sorted[n / 4]:F1}–{sorted[3 * n / 4]:F1})");
    }
}
