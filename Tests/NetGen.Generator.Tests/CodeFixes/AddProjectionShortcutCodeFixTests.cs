using System.Threading.Tasks;
using NetGen.CodeFixes;

namespace NetGen.Generator.Tests.CodeFixes;

/// <summary>NG0105 on a [Residual] model with no shortcut: "Add the missing projection shortcut", before and after.</summary>
public sealed class AddProjectionShortcutCodeFixTests
{
    [Fact]
    public Task A_widening_strided_block_gets_a_1x1_conv_and_norm_projection() => NetGenCodeFixTest<AddProjectionShortcutCodeFix>.VerifyAsync("""
        [Model(Input = [64, 8, 8])]
        [Residual(Activation = Activation.ReLU)]
        public partial class {|NG0105:Down|} : nn.Module<Tensor, Tensor>
        {
            [Conv2d(64, 128, 3, Stride = 2, Padding = 1, Bias = false)]
            [BatchNorm2d(128)]
            [ReLU]
            [Conv2d(128, 128, 3, Padding = 1, Bias = false)]
            [BatchNorm2d(128)]
            public partial Sequential left { get; }
        }
        """, """
        [Model(Input = [64, 8, 8])]
        [Residual(Shortcut = "right", Activation = Activation.ReLU)]
        public partial class Down : nn.Module<Tensor, Tensor>
        {
            [Conv2d(64, 128, 3, Stride = 2, Padding = 1, Bias = false)]
            [BatchNorm2d(128)]
            [ReLU]
            [Conv2d(128, 128, 3, Padding = 1, Bias = false)]
            [BatchNorm2d(128)]
            public partial Sequential left { get; }

            [Conv2d(64, 128, 1, Stride = 2, Bias = false), BatchNorm2d(128)]
            public partial Sequential right { get; }
        }
        """);

    [Fact]
    public Task Hyperparameter_names_are_copied_and_an_inferred_in_channels_comes_from_the_input() => NetGenCodeFixTest<AddProjectionShortcutCodeFix>.VerifyAsync("""
        [Model(Input = [16, 8, 8])]
        [Residual]
        public partial class {|NG0105:Widen|} : nn.Module<Tensor, Tensor>
        {
            public partial Widen(int stride = 1);

            [Conv2d(32, 3, Stride = "stride", Padding = 1)] public partial Conv2d conv1 { get; }
            [BatchNorm2d] public partial BatchNorm2d bn1 { get; }
        }
        """, """
        [Model(Input = [16, 8, 8])]
        [Residual(Shortcut = "right")]
        public partial class Widen : nn.Module<Tensor, Tensor>
        {
            public partial Widen(int stride = 1);

            [Conv2d(32, 3, Stride = "stride", Padding = 1)] public partial Conv2d conv1 { get; }
            [BatchNorm2d] public partial BatchNorm2d bn1 { get; }

            [Conv2d(16, 32, 1, Stride = "stride", Bias = false), BatchNorm2d(32)]
            public partial Sequential right { get; }
        }
        """);

    [Fact]
    public Task Fix_all_adds_a_projection_to_each_model_and_avoids_a_taken_name() => NetGenCodeFixTest<AddProjectionShortcutCodeFix>.VerifyAsync("""
        [Model(Input = [8, 8, 8])]
        [Residual]
        public partial class {|NG0105:A|} : nn.Module<Tensor, Tensor>
        {
            [Conv2d(8, 16, 3, Padding = 1)] public partial Conv2d right { get; }
        }

        [Model(Input = [8, 8, 8])]
        [Residual]
        public partial class {|NG0105:B|} : nn.Module<Tensor, Tensor>
        {
            [Conv2d(8, 8, 3, Stride = 2, Padding = 1)] public partial Conv2d conv { get; }
        }
        """, """
        [Model(Input = [8, 8, 8])]
        [Residual(Shortcut = "shortcut")]
        public partial class A : nn.Module<Tensor, Tensor>
        {
            [Conv2d(8, 16, 3, Padding = 1)] public partial Conv2d right { get; }

            [Conv2d(8, 16, 1, Bias = false), BatchNorm2d(16)]
            public partial Sequential shortcut { get; }
        }

        [Model(Input = [8, 8, 8])]
        [Residual(Shortcut = "right")]
        public partial class B : nn.Module<Tensor, Tensor>
        {
            [Conv2d(8, 8, 3, Stride = 2, Padding = 1)] public partial Conv2d conv { get; }

            [Conv2d(8, 8, 1, Stride = 2, Bias = false), BatchNorm2d(8)]
            public partial Sequential right { get; }
        }
        """);

    [Fact]
    public Task A_main_path_with_pooling_offers_nothing() => NetGenCodeFixTest<AddProjectionShortcutCodeFix>.VerifyNoFixAsync("""
        [Model(Input = [8, 8, 8])]
        [Residual]
        public partial class {|NG0105:Pooled|} : nn.Module<Tensor, Tensor>
        {
            [Conv2d(8, 16, 3, Padding = 1)] public partial Conv2d conv { get; }
            [MaxPool2d(2)] public partial MaxPool2d pool { get; }
        }
        """);

    [Fact]
    public Task A_shortcut_that_exists_but_does_not_fit_offers_nothing() => NetGenCodeFixTest<AddProjectionShortcutCodeFix>.VerifyNoFixAsync("""
        [Model(Input = [64, 8, 8])]
        [Residual(Shortcut = "right")]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(64, 128, 3, Stride = 2, Padding = 1)] public partial Conv2d left { get; }
            [BatchNorm2d(64)] public partial BatchNorm2d {|NG0105:right|} { get; }
        }
        """);
}
