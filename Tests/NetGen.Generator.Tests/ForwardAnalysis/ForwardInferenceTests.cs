using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.ForwardAnalysis;

/// <summary>
/// Omitted sizes in a model with a hand-written forward. Found by trying NetGen as a new user would: NetGen followed the
/// forward, and its summary showed what each member received, yet an omitted in_channels was NG0109 ("NetGen does not
/// know what 'stem' receives"). A member whose every call passes the same input, of known shape, now takes its omitted
/// sizes from that input, as a member of a generated forward does; anything less stays NG0109, which says why.
/// </summary>
public sealed class ForwardInferenceTests
{
    private static GeneratorRun Run(string parameters, string forward) => GeneratorHarness.Run(ForwardExamples.Usings + $$"""
        [Model(Input = [3, 32, 32])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net({{parameters}});
            [Conv2d(16, 3, Padding = 1), BatchNorm2d, ReLU] public partial Sequential stem { get; }
            [Conv2d("width", 3, Padding = 1)] public partial Conv2d body { get; }
            [AdaptiveAvgPool2d(1), Flatten, Linear(10)] public partial Sequential head { get; }
            private readonly Dropout drop = nn.Dropout(0.25);
            public override Tensor forward(Tensor x) {{forward}}
        }
        """);

    private static string Constructor(GeneratorRun run) => run.Generated("Net.g.cs");

    [Fact]
    public void A_member_called_once_takes_its_sizes_from_what_the_forward_passes_it()
    {
        var run = Run("int width = 24", "=> head.call(drop.call(body.call(stem.call(x))));");

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error || d.Id == "NG0110");
        var generated = Constructor(run);
        Assert.Contains("nn.Conv2d(3, 16, 3", generated);          // stem's in_channels: the declared input
        Assert.Contains("nn.BatchNorm2d(16)", generated);          // what stem's conv gives
        Assert.Contains("nn.Conv2d(16, @width, 3", generated);     // body after stem
        Assert.Contains("nn.Linear(@width, 10)", generated);        // head after body: the hyperparameter, not 24
    }

    [Fact]
    public void Sizes_follow_the_order_the_forward_calls_members_in_not_their_declaration()
    {
        // body first, then stem: body's conv receives the input's 3 channels, stem's conv body's width.
        var run = Run("int width = 24", "=> head.call(stem.call(body.call(x)));");

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var generated = Constructor(run);
        Assert.Contains("nn.Conv2d(3, @width, 3", generated);
        Assert.Contains("nn.Conv2d(@width, 16, 3", generated);
        Assert.Contains("nn.Linear(16, 10)", generated);
    }

    [Fact]
    public void A_member_called_with_two_shapes_is_NG0109_and_says_why()
    {
        var run = Run("int width = 3", "=> head.call(body.call(stem.call(x))) + head.call(x);");

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0109");
        Assert.Equal("Linear(10)", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains("NetGen follows the hand-written forward of 'Net' but cannot tell what 'head' receives there (a size is inferred only where every call of the member passes the same input, of known shape)",
            error.GetMessage(CultureInfo.InvariantCulture));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "NG0109" && d.GetMessage(CultureInfo.InvariantCulture).Contains("'stem'"));
    }

    [Fact]
    public void A_member_the_forward_never_calls_is_NG0109()
    {
        var run = Run("int width = 24", "=> head.call(body.call(x));");

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0109");
        Assert.Contains("'stem' receives there", error.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Calls_in_branches_NetGen_cannot_decide_give_the_input_they_agree_on_and_NG0109_where_they_differ()
    {
        // Checked with the flag as a symbol, both ways are followed as ones that may never run. Both pass stem the input and body
        // is called in one only, so theirs are known; head receives body's width one way and stem's 16 the other.
        var run = Run("int width = 24, bool deep = true", "=> deep ? head.call(body.call(stem.call(x))) : head.call(stem.call(x));");

        // One NG0109, head's: stem's and body's sizes were inferred (the error leaves the model ungenerated, so only its diagnostics show it).
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0109");
        Assert.Contains("'head' receives there", error.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>torchvision's BasicBlock written the PyTorch way: the projection runs only where it exists, which the symbolic check cannot decide.</summary>
    [Fact]
    public void A_projection_called_only_where_it_exists_takes_the_blocks_input()
    {
        var run = GeneratorHarness.Run(ForwardExamples.Usings + """
            [Model(Input = ["inC", 8, 8])]
            public partial class Basic : nn.Module<Tensor, Tensor>
            {
                public partial Basic(int inC, int outC, int stride);
                [Conv2d("outC", 3, Stride = "stride", Padding = 1), BatchNorm2d, ReLU, Conv2d("outC", 3, Padding = 1), BatchNorm2d]
                public partial Sequential left { get; }
                [When("stride != 1 || inC != outC"), Conv2d("outC", 1, Stride = "stride"), BatchNorm2d]
                public partial Sequential? downsample { get; }
                public override Tensor forward(Tensor x) => nn.functional.relu(left.call(x) + (downsample is null ? x : downsample.call(x)));
            }
            """);

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var generated = run.Generated("Basic.g.cs");
        Assert.Contains("nn.Conv2d(@inC, @outC, 3", generated);
        Assert.Contains("nn.Conv2d(@inC, @outC, 1", generated);
    }

    /// <summary>
    /// The runtime tests' ProjectedVgg, found by trying NetGen from outside: the projection exists only where the width is
    /// not 24, and the forward calls it only where it exists. Whatever the branch, the head receives 24. The other tests
    /// here replace its forward's last lines.
    /// </summary>
    private const string ProjectedVggFile = "Tests/NetGen.Runtime.Tests/OpenWorld/Models/ProjectedVgg.cs";

    private const string ProjectedVggEnd = """
                var skip = project is null ? h : project.call(h);
                h = act.call(block2.call(h)) + skip;
                return head.call(h.mean(new long[] { 2, 3 })).MoveToOuterDisposeScope();
        """;

    private static GeneratorRun Projected(string? end = null)
    {
        var model = RepositoryFiles.Read(ProjectedVggFile).Replace("\r\n", "\n");
        Assert.Contains(ProjectedVggEnd, model);
        return GeneratorHarness.Run(end is null ? model : model.Replace(ProjectedVggEnd, end));
    }

    private static void AssertHeadTakes24(GeneratorRun run)
    {
        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var generated = run.Generated("NetGen.Runtime.Tests.OpenWorld.Models.ProjectedVgg.g.cs");
        Assert.Contains("nn.Conv2d(@width, 24, 1", generated);
        Assert.Contains("nn.Linear(24, @classes)", generated);
    }

    [Fact]
    public void A_When_member_the_forward_calls_gives_its_own_output()
    {
        // Called, the member exists (on null the call throws), so its output is its own, though whether it is built depends on the width.
        AssertHeadTakes24(Projected("        return head.call((project!.call(h) + block2.call(h)).mean(new long[] { 2, 3 }));"));
    }

    [Fact]
    public void A_local_assigned_from_a_conditional_NetGen_cannot_decide_keeps_what_both_branches_agree_on()
    {
        // Before, the branches' state replaced the one `skip` was stored into, so skip was lost: the head's size was NG0109.
        AssertHeadTakes24(Projected());
    }

    [Fact]
    public void A_list_added_to_with_a_conditional_NetGen_cannot_decide_keeps_the_item()
    {
        AssertHeadTakes24(Projected("""
                    var outs = new System.Collections.Generic.List<Tensor>();
                    outs.Add(project is null ? h : project.call(h));
                    outs.Add(act.call(block2.call(h)));
                    return head.call((outs[0] + outs[1]).mean(new long[] { 2, 3 }));
            """));
    }

    /// <summary>
    /// A size read from the tensor's shape, in any of C#'s ways, sizes the view. <c>shape[^1]</c> (from the end) was read
    /// before 2026-12-03 as any of the shape's sizes, so the head's size was NG0109, with nothing saying why.
    /// </summary>
    [Theory]
    [InlineData("o.shape[^1]")]
    [InlineData("o.shape[2]")]
    [InlineData("(int)o.shape[o.shape.Length - 1]")]
    [InlineData("o.size(-1)")]
    [InlineData("o.shape.Last()")]
    public void A_size_read_from_the_shape_sizes_the_view(string size)
    {
        var run = GeneratorHarness.Run(ForwardExamples.Usings + $$"""
            using System.Linq;

            [Model(Input = [7, 10])]
            public partial class Sequence : nn.Module<Tensor, Tensor>
            {
                public partial Sequence(int classes = 6);
                [Linear(16)] public partial Linear proj { get; }
                [Linear("classes")] public partial Linear head { get; }
                public override Tensor forward(Tensor x)
                {
                    var o = proj.call(x);
                    var d = {{size}};
                    return head.call(o.view(-1, 7, d).mean(new long[] { 1 }));
                }
            }
            """);

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity > DiagnosticSeverity.Info || d.Id is "NG0100" or "NG0110");
        Assert.Contains("nn.Linear(16, @classes)", run.Generated("Sequence.g.cs"));
    }

    [Fact]
    public void A_size_the_batch_stands_in_is_not_taken()
    {
        // The batch moved into the channels: body's conv receives N channels, which no constructor argument can give.
        var run = Run("int width = 24", "=> head.call(body.call(stem.call(x).transpose(0, 1)));");

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0109");
        Assert.Contains("'body' receives there", error.GetMessage(CultureInfo.InvariantCulture));
    }
}
