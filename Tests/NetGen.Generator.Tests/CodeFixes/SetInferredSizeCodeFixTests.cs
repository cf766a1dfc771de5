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
}
