using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.ForwardAnalysis;

/// <summary>
/// A stage of blocks that have hand-written forwards themselves, called from a hand-written forward. Found by the
/// mutation harness (ResNet34Forward, <c>fc → layer1 in fc.call(y)</c>): a flattened N×512 passed to such a stage was
/// read as one unbatched sample, and the block's own forward put a second batch in front of it, so the N of the first
/// read as channels and nothing was reported, while TorchSharp throws. An unbatched sample a block really can take
/// stays free of errors.
/// </summary>
public sealed class NestedForwardTests
{
    private const string Block = """
        [Model(Input = ["a", 8, 8])]
        public partial class Blk : nn.Module<Tensor, Tensor>
        {
            public partial Blk(int a, int b);
            [Conv2d("a", "b", 3, Padding = 1), BatchNorm2d("b")] public partial Sequential left { get; }
            public override Tensor forward(Tensor x) => nn.functional.relu(left.call(x) + x);
        }
        """;

    private static GeneratorRun Run(string body) => GeneratorHarness.Run(ForwardExamples.Usings + Block + """
        [Model(Input = [8, 8, 8])]
        public partial class Top : nn.Module<Tensor, Tensor>
        {
            [Repeat<Blk>(2, First = [8, 8], Rest = [8, 8])] public partial Sequential stage { get; }
            [Linear(512, 4)] public partial Linear fc { get; }
        """ + body + """
        }
        """);

    [Fact]
    public void A_flattened_tensor_into_a_stage_of_hand_written_blocks_is_an_error()
    {
        var run = Run("public override Tensor forward(Tensor x) => fc.call(stage.call(x.flatten(1)));");

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0108", error.Id);
        Assert.Equal("stage.call(x.flatten(1))", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.StartsWith("stage.0.left.0 expects a C×H×W sample (3 dimensions) but receives 512", error.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void One_unbatched_sample_into_a_stage_of_hand_written_blocks_is_no_error()
    {
        var run = Run("public override Tensor forward(Tensor x) => fc.call(stage.call(x[0]).flatten().unsqueeze(0));");

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void The_batched_call_is_followed_through_both_forwards()
    {
        var run = Run("public override Tensor forward(Tensor x) => fc.call(stage.call(x).flatten(1));");

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error || d.Id == "NG0110");
    }

    /// <summary>Found by the mutation harness (ShuffleUnit, <c>chunk(2, 1) → chunk(1, 1)</c>): the second part of one chunk was
    /// unknown without a word; now NG0110 says where checking stopped.</summary>
    [Fact]
    public void An_index_past_a_splits_parts_stops_checking_and_says_where()
    {
        var run = GeneratorHarness.Run(ForwardExamples.Usings + """
            [Model(Input = [16, 8, 8])]
            public partial class Unit : nn.Module<Tensor, Tensor>
            {
                [Conv2d(8, 8, 1)] public partial Conv2d branch { get; }
                public override Tensor forward(Tensor x)
                {
                    var halves = x.chunk(1, 1);
                    return cat(new[] { halves[0], branch.call(halves[1]) }, 1);
                }
            }
            """);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id != "NG0110" && d.Severity == DiagnosticSeverity.Error);
        var boundary = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110");
        Assert.Contains("Unit (hand-written forward, line 12: index 1 of a list NetGen knows 1 item(s) of)", boundary.GetMessage(), System.StringComparison.Ordinal);
    }

    /// <summary>Found by the mutation harness (ResNet34Forward's block, <c>left.call(x) → right.call(x)</c>): a [When] member the
    /// defaults leave out, called anyway, was unknown without a word; now NG0110 says where checking stopped.</summary>
    [Fact]
    public void A_call_of_a_member_the_hyperparameters_leave_out_stops_checking_and_says_where()
    {
        var run = GeneratorHarness.Run(ForwardExamples.Usings + """
            [Model(Input = [8, 8, 8])]
            public partial class Res : nn.Module<Tensor, Tensor>
            {
                public partial Res(bool projection);
                [Conv2d(8, 8, 3, Padding = 1)] public partial Conv2d left { get; }
                [When("projection"), Conv2d(8, 8, 1)] public partial Conv2d? right { get; }
                public override Tensor forward(Tensor x) => left.call(x) + right!.call(x);
            }

            [Model(Input = [8, 8, 8])]
            public partial class Top : nn.Module<Tensor, Tensor>
            {
                [Block<Res>(false)] public partial Sequential block { get; }
                public override Tensor forward(Tensor x) => block.call(x);
            }
            """);

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id != "NG0110" && d.Severity == DiagnosticSeverity.Error);
        var boundary = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110");
        Assert.Contains("a call of a member that is null with these hyperparameters", boundary.GetMessage(), System.StringComparison.Ordinal);
    }
}
