using System.Threading.Tasks;
using NetGen.CodeFixes;

namespace NetGen.Generator.Tests.CodeFixes;

/// <summary>NG0105 at a use site: "Enable the projection shortcut" the block offers through a [When]-guarded member, before and after.</summary>
public sealed class EnableBlockProjectionCodeFixTests
{
    /// <summary>The seed's residual block, shrunk: its projection exists only when <c>projection</c> is true.</summary>
    private const string Block = """
        [Model(Input = ["inChannels", 8, 8])]
        [Residual(Shortcut = "right", Activation = Activation.ReLU)]
        public partial class {|NG0100:Basic|} : nn.Module<Tensor, Tensor>
        {
            public partial Basic(int inChannels, int outChannels, int stride = 1, bool projection = false);

            [Conv2d("inChannels", "outChannels", 3, Stride = "stride", Padding = 1, Bias = false)]
            [BatchNorm2d("outChannels")]
            public partial Sequential left { get; }

            [When("projection")]
            [Conv2d("inChannels", "outChannels", 1, Stride = "stride", Bias = false)]
            [BatchNorm2d("outChannels")]
            public partial Sequential? right { get; }
        }


        """;

    private static Task VerifyAsync(string before, string after) =>
        NetGenCodeFixTest<EnableBlockProjectionCodeFix>.VerifyAsync(Block + before, Block + after);

    [Fact]
    public Task A_repeat_whose_first_block_widens_without_a_projection_gets_true_appended() => VerifyAsync("""
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Repeat<Basic>(2, First = [16, 32, 2], Rest = [32, 32])]
            public partial Sequential {|NG0105:stage|} { get; }
        }
        """, """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Repeat<Basic>(2, First = [16, 32, 2, true], Rest = [32, 32])]
            public partial Sequential stage { get; }
        }
        """);

    [Fact]
    public Task A_block_passed_false_gets_true() => VerifyAsync("""
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Block(16, 32, 2, false)] public partial Basic {|NG0105:block|} { get; }
        }
        """, """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Block(16, 32, 2, true)] public partial Basic block { get; }
        }
        """);

    [Fact]
    public Task Skipped_parameters_before_the_flag_are_filled_with_their_defaults() => VerifyAsync("""
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Block(16, 32)] public partial Basic {|NG0105:block|} { get; }
        }
        """, """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Block(16, 32, 1, true)] public partial Basic block { get; }
        }
        """);

    [Fact]
    public Task A_block_child_of_a_sequential_gets_true() => VerifyAsync("""
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Block<Basic>(16, 16)]
            [{|NG0105:Block<Basic>(16, 32, 2)|}]
            public partial Sequential features { get; }
        }
        """, """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Block<Basic>(16, 16)]
            [Block<Basic>(16, 32, 2, true)]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task Fix_all_enables_the_projection_in_every_model() => VerifyAsync("""
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Repeat<Basic>(2, First = [16, 32, 2], Rest = [32, 32])]
            public partial Sequential {|NG0105:stage1|} { get; }
        }

        [Model(Input = [32, 8, 8])]
        public partial class Net2 : nn.Module<Tensor, Tensor>
        {
            [Repeat<Basic>(2, First = new object[] { 32, 64, 1, false }, Rest = [64, 64])]
            public partial Sequential {|NG0105:stage2|} { get; }
        }
        """, """
        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Repeat<Basic>(2, First = [16, 32, 2, true], Rest = [32, 32])]
            public partial Sequential stage1 { get; }
        }

        [Model(Input = [32, 8, 8])]
        public partial class Net2 : nn.Module<Tensor, Tensor>
        {
            [Repeat<Basic>(2, First = new object[] { 32, 64, 1, true }, Rest = [64, 64])]
            public partial Sequential stage2 { get; }
        }
        """);

    [Fact]
    public Task A_block_without_a_guarded_shortcut_offers_nothing() => NetGenCodeFixTest<EnableBlockProjectionCodeFix>.VerifyNoFixAsync("""
        [Model(Input = ["c", 8, 8])]
        [Residual]
        public partial class Plain : nn.Module<Tensor, Tensor>
        {
            public partial Plain(int c, int stride = 1);
            [Conv2d("c", "c", 3, Stride = "stride", Padding = 1)] public partial Conv2d conv { get; }
        }

        [Model(Input = [16, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Block(16, 2)] public partial Plain {|NG0105:block|} { get; }
        }
        """);
}
