using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.ForwardAnalysis;

/// <summary>
/// A hand-written forward that calls the model's own methods: torchvision's <c>_forward_impl</c>, a channels-first
/// LayerNorm written once and called with two norms. Each was a boundary ("a call of M.Helper"), after which an
/// omitted size was NG0109 (found from outside, with a ConvNeXt). The analysis now follows the call into the method.
/// </summary>
public sealed class HelperMethodTests
{
    private static GeneratorRun Run(string forward, string head = "[Linear(\"classes\")]") => GeneratorHarness.Run(ForwardExamples.Usings + $$"""
        [Model(Input = [3, 16, 16])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(int classes = 3);
            [Conv2d(3, 8, 4, Stride = 4)] public partial Conv2d stem { get; }
            [Conv2d(16, 2, Stride = 2)] public partial Conv2d down { get; }
            {{head}} public partial Linear head { get; }
            private readonly LayerNorm stemNorm = nn.LayerNorm(8);
            private readonly LayerNorm downNorm = nn.LayerNorm(16);
            {{forward}}
        }
        """);

    private const string ChannelsFirst = "private static Tensor ChannelsFirst(LayerNorm norm, Tensor t) => norm.call(t.permute(0, 2, 3, 1)).permute(0, 3, 1, 2);";

    [Fact]
    public void The_forward_impl_pattern_and_a_helper_called_with_two_modules_are_followed()
    {
        var run = Run("""
            public override Tensor forward(Tensor x) => _forward_impl(x);
            private Tensor _forward_impl(Tensor x)
            {
                x = ChannelsFirst(stemNorm, stem.call(x));
                x = ChannelsFirst(downNorm, down.call(x));
                return head.call(x.mean(new long[] { -2, -1 }));
            }
            """ + ChannelsFirst);

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity > DiagnosticSeverity.Info || d.Id is "NG0100" or "NG0110");
        var generated = run.Generated("Net.g.cs");
        Assert.Contains("nn.Conv2d(8, 16, 2", generated);
        Assert.Contains("nn.Linear(16, @classes)", generated);
    }

    [Fact]
    public void A_mistake_inside_a_helper_is_reported_where_it_is_made()
    {
        // The norms swapped: the 8-channel map reaches the LayerNorm of 16.
        var run = Run("""
            public override Tensor forward(Tensor x) => head.call(ChannelsFirst(downNorm, down.call(ChannelsFirst(downNorm, stem.call(x)))).mean(new long[] { -2, -1 }));
            """ + ChannelsFirst);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith("norm.call(", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
    }

    [Fact]
    public void A_mistake_after_a_helper_is_found_with_what_the_helper_gives()
    {
        // The docs' old example of an unmodelled helper: 8 channels of 2×2 flattened are 32 features, not 99.
        var run = Run("""
            public override Tensor forward(Tensor x) => head.call(Twist(down.call(ChannelsFirst(stemNorm, stem.call(x)))));
            private static Tensor Twist(Tensor t) => t.flatten(1);
            """ + ChannelsFirst, head: "[Linear(99, 4)]");

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0102", error.Id);
        Assert.Contains("64", error.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_recursive_helper_is_a_named_boundary()
    {
        var run = Run("""
            public override Tensor forward(Tensor x) => head.call(Deeper(down.call(stem.call(x)), 2).flatten(1));
            private Tensor Deeper(Tensor t, int n) => n == 0 ? t : Deeper(t, n - 1);
            """, head: "[Linear(128, 4)]");

        Assert.Empty(run.CompilationErrors);
        Assert.Contains("a recursive call of Net.Deeper", Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id != "NG0110");
    }

    [Fact]
    public void A_helper_that_changes_a_tensor_in_place_leaves_the_callers_tensor_unknown()
    {
        // After Grow, t is [1, N, 64] at run time; NetGen does not keep the [N, 64] it had, so nothing is checked against it.
        var run = Run("""
            public override Tensor forward(Tensor x)
            {
                var t = down.call(stem.call(x)).flatten(1);
                Grow(t);
                return head.call(t);
            }
            private static void Grow(Tensor t) => t.unsqueeze_(0);
            """, head: "[Linear(64, 4)]");

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id != "NG0110");
        Assert.Contains("line 17: Grow changes 't' in place", Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture));
    }
}
