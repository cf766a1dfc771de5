using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.GeneratorBenchmark.Keystroke;

namespace NetGen.GeneratorBenchmark;

/// <summary>
/// What compiling NetGen's generated code costs, part by part (docs/performance.md, "What the generated code costs to
/// compile"). The 200 models' sources plus the code NetGen generates for them are compiled and emitted in-process with
/// Roslyn, with no generator or analyzer, next to the same compilation with one part of the generated code cut out,
/// and the hand-written project. The rounds alternate the variants, so that the machine's drift falls on all alike.
///
///   dotnet run -c Release --project tools/GeneratorBenchmark -- compile-cost [--rounds 15]
/// </summary>
internal static class CompileCost
{
    public static void Run(int models, int rounds)
    {
        var families = models / SyntheticProjects.KindsPerFamily;
        var user = SyntheticProjects.NetGenSources(families).Select(m => Parse(m.Source, m.Name)).ToList();
        var driver = KeystrokeProject.CreateDriver(trackSteps: false).RunGenerators(KeystrokeProject.NewCompilation(models));
        var generated = driver.GetRunResult().GeneratedTrees.Select(t => t.GetRoot()).ToList();

        var variants = new List<(string Name, List<SyntaxTree> Trees)>
        {
            ("hand-written project (no NetGen)", SyntheticProjects.HandWrittenSources(families).Select(m => Parse(m.Source, m.Name)).ToList()),
            ("NetGen project, all generated code", [.. user, .. generated.Select(Tree)]),
            ("… without the Keys classes", [.. user, .. generated.Select(r => Tree(new PartCutter(keys: true).Visit(r)))]),
            ("… without the StateSchema bodies", [.. user, .. generated.Select(r => Tree(new PartCutter(keys: false).Visit(r)))]),
            ("… without the ModelDescriptor attributes", [.. user, .. generated.Select(r => Tree(new DescriptorCutter().Visit(r)))]),
        };

        foreach (var (name, trees) in variants)
        {
            var errors = Compile(trees).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"{name} does not compile: {string.Join("; ", errors)}");
            }

            Console.WriteLine($"{name}: {trees.Count} files, {trees.Sum(t => t.GetText().Lines.Count)} lines");
        }

        var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var (name, trees) in variants)
            {
                var watch = Stopwatch.StartNew();
                Compile(trees.Select(t => Parse(t.GetText().ToString(), t.FilePath)));
                // The first round compiles Roslyn's own code by the JIT; it is not counted.
                if (round > 0) times[name].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var baseline = Median(times[variants[0].Name]);
        var all = Median(times[variants[1].Name]);
        Console.WriteLine();
        Console.WriteLine($"| compilation (parse, bind, emit), {models} models | median of {rounds} | more than hand-written | share of the generated code's cost |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, _) in variants)
        {
            var median = Median(times[name]);
            var share = name == variants[0].Name ? "—" : name == variants[1].Name ? "100%" : $"{(all - median) / (all - baseline) * 100:F0}% (cut out)";
            Console.WriteLine($"| {name} | {median:F0} ms | {median - baseline:F0} ms | {share} |");
        }
    }

    private static SyntaxTree Parse(string source, string name) =>
        CSharpSyntaxTree.ParseText(source, KeystrokeProject.ParseOptions, path: name.EndsWith(".cs", StringComparison.Ordinal) ? name : name + ".cs");

    private static SyntaxTree Tree(SyntaxNode root) => Parse(root.ToFullString(), "generated/" + Guid.NewGuid().ToString("N"));

    private static Microsoft.CodeAnalysis.Emit.EmitResult Compile(IEnumerable<SyntaxTree> trees)
    {
        var compilation = KeystrokeProject.NewCompilation(0).WithOptions(
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable))
            .AddSyntaxTrees(trees);
        using var peStream = new MemoryStream();
        return compilation.Emit(peStream);
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.OrderBy(x => x).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Cuts the assembly-level <c>[ModelDescriptor]</c>, the model described for other assemblies (docs/cross-assembly.md).</summary>
    private sealed class DescriptorCutter : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitAttributeList(AttributeListSyntax node) => node.Target is not null ? null : node;
    }

    /// <summary>Cuts one part out of a generated file: the nested <c>Keys</c> class, or the body of <c>StateSchema</c>.</summary>
    private sealed class PartCutter(bool keys) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node) =>
            keys && node.Identifier.ValueText == "Keys" && node.Parent is ClassDeclarationSyntax ? null : base.VisitClassDeclaration(node);

        public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node) =>
            !keys && node.Identifier.ValueText == "StateSchema"
                ? node.WithAccessorList(null).WithExpressionBody(SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression("throw null!")))
                    .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
                : base.VisitPropertyDeclaration(node);
    }
}
