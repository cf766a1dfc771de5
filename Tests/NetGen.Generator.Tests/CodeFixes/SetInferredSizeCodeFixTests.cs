using System.Threading.Tasks;
using NetGen.CodeFixes;

namespace NetGen.Generator.Tests.CodeFixes;

/// <summary>NG0101 / NG0102: "Set in_channels / num_features / in_features to the inferred value", before and after.</summary>
public sealed class SetInferredSizeCodeFixTests
{
    [Fact]
    public Task Conv_in_channels_is_set_to_the_incoming_channels() => NetGenCodeFixTest<SetInferredSizeCodeFix>.VerifyAsync("""
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)] public partial Conv2d conv1 { get; }
            [Conv2d({|NG0101:64|}, 64, 3)] public partial Conv2d conv2 { get; }
        }
        """, """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)] public partial Conv2d conv1 { get; }
            [Conv2d(32, 64, 3)] public partial Conv2d conv2 { get; }
        }
        """);

    [Fact]
    public Task Norm_num_features_is_set_to_the_incoming_channels() => NetGenCodeFixTest<SetInferredSizeCodeFix>.VerifyAsync("""
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)] public partial Conv2d conv1 { get; }
            [BatchNorm2d({|NG0101:16|})] public partial BatchNorm2d bn { get; }
        }
        """, """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)] public partial Conv2d conv1 { get; }
            [BatchNorm2d(32)] public partial BatchNorm2d bn { get; }
        }
        """);

    [Fact]
    public Task Linear_in_features_written_as_a_product_is_set_to_the_flattened_size() => NetGenCodeFixTest<SetInferredSizeCodeFix>.VerifyAsync("""
        [Model(Input = [3, 224, 224])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)] public partial Conv2d conv1 { get; }
            [MaxPool2d(2)] public partial MaxPool2d pool1 { get; }
            [Conv2d(32, 64, 3)] public partial Conv2d conv2 { get; }
            [MaxPool2d(2), Flatten] public partial MaxPool2d pool2 { get; }
            [Linear({|NG0102:64 * 55 * 55|}, 256)] public partial Linear fc { get; }
        }
        """, """
        [Model(Input = [3, 224, 224])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)] public partial Conv2d conv1 { get; }
            [MaxPool2d(2)] public partial MaxPool2d pool1 { get; }
            [Conv2d(32, 64, 3)] public partial Conv2d conv2 { get; }
            [MaxPool2d(2), Flatten] public partial MaxPool2d pool2 { get; }
            [Linear(186624, 256)] public partial Linear fc { get; }
        }
        """);

    [Fact]
    public Task A_named_size_argument_keeps_its_name() => NetGenCodeFixTest<SetInferredSizeCodeFix>.VerifyAsync("""
        [Model(Input = [8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Linear(8, 16)] public partial Linear fc1 { get; }
            [Linear(outFeatures: 4, {|NG0102:inFeatures: 10|})] public partial Linear fc2 { get; }
        }
        """, """
        [Model(Input = [8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Linear(8, 16)] public partial Linear fc1 { get; }
            [Linear(outFeatures: 4, inFeatures: 16)] public partial Linear fc2 { get; }
        }
        """);

    [Fact]
    public Task Fix_all_sets_every_mismatched_size_in_one_pass() => NetGenCodeFixTest<SetInferredSizeCodeFix>.VerifyAsync("""
        [Model(Input = [3, 8, 8])]
        public partial class A : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 16, 3, Padding = 1)] public partial Conv2d conv1 { get; }
            [BatchNorm2d({|NG0101:8|})] public partial BatchNorm2d bn1 { get; }
        }

        [Model(Input = [12])]
        public partial class B : nn.Module<Tensor, Tensor>
        {
            [Linear({|NG0102:10|}, 4)] public partial Linear fc { get; }
        }
        """, """
        [Model(Input = [3, 8, 8])]
        public partial class A : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 16, 3, Padding = 1)] public partial Conv2d conv1 { get; }
            [BatchNorm2d(16)] public partial BatchNorm2d bn1 { get; }
        }

        [Model(Input = [12])]
        public partial class B : nn.Module<Tensor, Tensor>
        {
            [Linear(12, 4)] public partial Linear fc { get; }
        }
        """);
}
