using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Wiring;

/// <summary>
/// <c>[Branch(Through = …)]</c>: a branch that is a run of members with names of their own, as torchvision's Inception
/// blocks have (<c>branch5x5_1</c> then <c>branch5x5_2</c>), including a <c>[Branch]</c> group inside a branch
/// (InceptionE). The generated forward runs each branch from the group's input and concatenates, shape inference follows
/// it, and each misuse is its diagnostic on the member.
/// </summary>
public sealed class BranchSpanTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    // 4 + 5 + (2 + 2) + 8 = 21 channels: a one-member branch, a branch of two, a branch ending in a group of two, a pool.
    private const string Mixed = Usings + """
        [Model(Input = [8, 9, 9])]
        public partial class Mixed : nn.Module<Tensor, Tensor>
        {
            [Branch, Conv2d(8, 4, 1)] public partial Conv2d a { get; }
            [Branch(Through = nameof(b2)), Conv2d(8, 3, 1)] public partial Conv2d b1 { get; }
            [Conv2d(3, 5, 3, Padding = 1)] public partial Conv2d b2 { get; }
            [Branch(Through = nameof(c2b)), Conv2d(8, 6, 1)] public partial Conv2d c1 { get; }
            [Branch, Conv2d(6, 2, new[] { 1, 3 }, Padding = new[] { 0, 1 })] public partial Conv2d c2a { get; }
            [Branch, Conv2d(6, 2, new[] { 3, 1 }, Padding = new[] { 1, 0 })] public partial Conv2d c2b { get; }
            [Branch, MaxPool2d(3, Stride = 1, Padding = 1)] public partial MaxPool2d pool { get; }
            [Conv2d(HEAD, 7, 1)] public partial Conv2d head { get; }
            private const int HEAD = 21;
        }
        """;

    [Fact]
    public void The_forward_runs_each_branch_from_the_groups_input_and_concatenates_and_compiles_strictly()
    {
        var run = GeneratorHarness.Run(Mixed);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Mixed.g.cs");
        Assert.Contains("var t2 = this.__f_b2.call(t1);", code);
        Assert.Contains("var t4 = this.__f_c2a.call(t3);", code);
        Assert.Contains("var t5 = this.__f_c2b.call(t3);", code);
        Assert.Contains("var t6 = global::TorchSharp.torch.cat(new[] { t4, t5 }, 1);", code);
        Assert.Contains("var t8 = global::TorchSharp.torch.cat(new[] { t0, t2, t6, t7 }, 1);", code);
        // What a branch made on its way is disposed: b1's output, c1's output once both of its branches used it.
        Assert.Contains("if (!ReferenceEquals(t1, t2)) t1.Dispose();", code);
        Assert.Contains("if (!ReferenceEquals(t3, t6)) t3.Dispose();", code);
        // The head takes 21 channels: the summary's last row is 7×9×9.
        Assert.Contains("row\\thead\\tConv2d\\t0\\t7,9,9\\t", code);
    }

    [Fact]
    public void A_head_that_expects_other_channels_than_the_branches_give_is_a_channel_error_with_their_sum()
    {
        var run = GeneratorHarness.Run(Mixed.Replace("HEAD = 21", "HEAD = 20"));

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0101", error.Id);
        Assert.Contains("21", error.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_member_inside_a_branch_is_checked_against_the_member_before_it_not_the_groups_input()
    {
        var run = GeneratorHarness.Run(Mixed.Replace("[Conv2d(3, 5, 3, Padding = 1)]", "[Conv2d(8, 5, 3, Padding = 1)]"));

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0101", error.Id);
        Assert.Contains("b2", error.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task Through_naming_no_member_is_NG0009() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [8, 9, 9])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Branch, Conv2d(8, 4, 1)] public partial Conv2d a { get; }
            [Branch(Through = "nope"), Conv2d(8, 3, 1)] public partial Conv2d {|NG0009:b1|} { get; }
            [Conv2d(3, 5, 1)] public partial Conv2d b2 { get; }
        }
        """);

    [Fact]
    public Task Through_naming_an_earlier_member_is_NG0011() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [8, 9, 9])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Branch, Conv2d(8, 4, 1)] public partial Conv2d a { get; }
            [Branch(Through = nameof(a)), Conv2d(8, 3, 1)] public partial Conv2d {|NG0011:b1|} { get; }
            [Conv2d(3, 5, 1)] public partial Conv2d b2 { get; }
        }
        """);

    [Fact]
    public Task Through_naming_an_auxiliary_member_is_NG0011() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [8, 9, 9])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Branch, Conv2d(8, 4, 1)] public partial Conv2d a { get; }
            [Branch(Through = nameof(aux)), Conv2d(8, 3, 1)] public partial Conv2d {|NG0011:b1|} { get; }
            [Conv2d(3, 5, 1)] public partial Conv2d b2 { get; }
            [Conv2d(5, 2, 1), Auxiliary] public partial Conv2d aux { get; }
        }
        """);

    [Fact]
    public Task Branches_that_cross_are_NG0011() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [8, 9, 9])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Branch(Through = nameof(b)), Conv2d(8, 8, 1)] public partial Conv2d a { get; }
            [Branch(Through = nameof(c)), Conv2d(8, 8, 1)] public partial Conv2d {|NG0011:b|} { get; }
            [Conv2d(8, 8, 1)] public partial Conv2d c { get; }
        }
        """);

    [Fact]
    public Task A_branch_of_several_members_under_Chunk_is_NG0011() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [8, 9, 9])]
        [Chunk(2)]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Branch, Conv2d(4, 4, 1)] public partial Conv2d a { get; }
            [Branch(Through = nameof(c)), Conv2d(4, 4, 1)] public partial Conv2d {|NG0011:b|} { get; }
            [Conv2d(4, 4, 1)] public partial Conv2d c { get; }
        }
        """);

    [Fact]
    public Task A_branch_of_several_members_beside_a_member_shortcut_is_NG0011() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [8, 9, 9])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(8, 8, 1), Residual] public partial Conv2d stem { get; }
            [Branch, Conv2d(8, 4, 1)] public partial Conv2d a { get; }
            [Branch(Through = nameof(c)), Conv2d(8, 4, 1)] public partial Conv2d {|NG0011:b|} { get; }
            [Conv2d(4, 4, 1)] public partial Conv2d c { get; }
        }
        """);

    [Fact]
    public Task On_a_hand_written_forward_it_is_NG0019() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [8, 9, 9])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Branch(Through = nameof(c)), Conv2d(8, 4, 1)] public partial Conv2d {|NG0019:b|} { get; }
            [Conv2d(4, 4, 1)] public partial Conv2d c { get; }
            public override Tensor forward(Tensor x) => c.call(b.call(x));
        }
        """);
}
