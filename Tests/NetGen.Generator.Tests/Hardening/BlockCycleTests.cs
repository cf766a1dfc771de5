using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Hardening;

/// <summary>
/// Issue 15, case 1: blocks that contain themselves crashed the compiler with a stack overflow. Every cycle of
/// length 1 to 4, each link a <c>[Block]</c> member, a <c>[Block&lt;T&gt;]</c> child of a Sequential or a
/// <c>[Repeat&lt;T&gt;]</c> stage (all 120 of them), with a model outside the cycle that uses it, is reported
/// as NG0012 on each model's own cyclic member, and every stub NetGen writes instead compiles.
/// </summary>
public sealed class BlockCycleTests
{
    private enum Link { BlockMember, BlockChild, Repeat }

    private static readonly Link[] Links = { Link.BlockMember, Link.BlockChild, Link.Repeat };

    /// <summary>Every sequence of links of length 1 to 4: the cycle M0 → M1 → … → M0.</summary>
    private static IEnumerable<Link[]> Cycles()
    {
        IEnumerable<Link[]> cycles = new[] { System.Array.Empty<Link>() };
        for (var length = 1; length <= 4; length++)
        {
            cycles = cycles.SelectMany(c => Links.Select(l => c.Append(l).ToArray())).ToList();
            foreach (var cycle in cycles)
            {
                yield return cycle;
            }
        }
    }

    /// <summary>The member of a cyclic model that uses <paramref name="target"/>, and the text NG0012 must be reported on.</summary>
    private static (string Member, string Span) Use(Link link, string target) => link switch
    {
        Link.BlockMember => ($"[Block] public partial {target} next {{ get; }}", "next"),
        Link.BlockChild => ($"[Block<{target}>, ReLU] public partial Sequential next {{ get; }}", $"Block<{target}>"),
        _ => ($"[Repeat<{target}>(2)] public partial Sequential next {{ get; }}", "next"),
    };

    [Fact]
    public void Every_cycle_of_up_to_four_blocks_is_reported_on_each_cyclic_member_and_the_stubs_compile()
    {
        var source = new StringBuilder();
        var expected = new List<(string Model, string Span)>();
        var index = 0;
        foreach (var cycle in Cycles())
        {
            var ns = $"Cycle{index++}";
            source.Append($"namespace {ns}\n{{\n");
            for (var i = 0; i < cycle.Length; i++)
            {
                var (member, span) = Use(cycle[i], $"M{(i + 1) % cycle.Length}");
                source.Append($"[Model(Input = [4])] public partial class M{i} : nn.Module<Tensor, Tensor>\n{{\n");
                source.Append("    [Linear(4, 4)] public partial Linear fc { get; }\n");
                source.Append($"    {member}\n}}\n");
                expected.Add(($"{ns}.M{i}", span));
            }

            // Not in the cycle, but building it would never end either.
            source.Append("[Model(Input = [4])] public partial class Entry : nn.Module<Tensor, Tensor>\n{\n    [Block] public partial M0 first { get; }\n}\n}\n");
            expected.Add(($"{ns}.Entry", "first"));
        }

        var run = Declarations.Run(source.ToString());

        Assert.Empty(Declarations.Crashes(run));
        // NetGen writes a stub for every model that reaches a cycle; the stubs and the user's code compile.
        Assert.Empty(run.CompilationErrors);
        var errors = Declarations.NgErrors(run);
        Assert.All(errors, d => Assert.Equal("NG0012", d.Id));

        var tree = run.Output.SyntaxTrees.First(t => t.FilePath == "Model0.cs");
        var model = run.Output.GetSemanticModel(tree);
        var reported = errors.Select(d => (Model: Enclosing(model, d), Span: Declarations.SpanText(d))).ToList();
        var missing = expected.Except(reported).ToList();
        var unexpected = reported.Except(expected).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"{expected.Count} models, {reported.Count} NG0012; missing: {string.Join(", ", missing.Take(5))}; unexpected: {string.Join(", ", unexpected.Take(5))}");
    }

    private static string Enclosing(Microsoft.CodeAnalysis.SemanticModel model, Microsoft.CodeAnalysis.Diagnostic diagnostic)
    {
        var node = model.SyntaxTree.GetRoot().FindNode(diagnostic.Location.SourceSpan);
        var type = node.AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().First();
        return model.GetDeclaredSymbol(type)!.ToDisplayString();
    }

    [Fact]
    public Task The_issue_example_names_the_cycle_on_each_use_site() => GeneratorDiagnosticTest.VerifyAsync(Declarations.Usings + """
        [Model(Input = [4, 8, 8])] public partial class A : nn.Module<Tensor, Tensor> {
          [Conv2d(4, 4, 3, Padding = 1)] public partial Conv2d c { get; }
          [Repeat<B>(1)] public partial Sequential {|NG0012:b|} { get; } }
        [Model(Input = [4, 8, 8])] public partial class B : nn.Module<Tensor, Tensor> {
          [Conv2d(4, 4, 3, Padding = 1)] public partial Conv2d c { get; }
          [Repeat<A>(1)] public partial Sequential {|NG0012:a|} { get; } }
        """);

    [Fact]
    public void The_cycle_is_named_by_the_models_simple_names()
    {
        var run = Declarations.Run("""
            namespace Deep.Name;
            [Model(Input = [4])] public partial class Self : nn.Module<Tensor, Tensor> { [Repeat<Self>(2)] public partial Sequential again { get; } }
            """);

        var error = Assert.Single(Declarations.NgErrors(run));
        Assert.Equal("NG0012", error.Id);
        Assert.Contains("(Self → Self)", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
