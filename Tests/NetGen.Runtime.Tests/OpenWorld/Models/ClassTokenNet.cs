using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>A learnable class token prepended to a sequence, as ViT does; the head reads the token's output.</summary>
[Model(Input = [5, 8])]
public partial class ClassTokenNet : nn.Module<Tensor, Tensor>
{
    public partial ClassTokenNet(int dim = 8, int classes = 3);

    [Parameter(1, 1, "dim")]
    [Init(InitKind.Normal, Std = 0.02)]
    public partial Parameter class_token { get; }

    [LayerNorm("dim")]
    public partial LayerNorm norm { get; }

    [Linear("dim", "classes")]
    public partial Linear head { get; }

    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var token = class_token.expand(tokens.shape[0], -1, -1);
        var x = norm.call(cat(new[] { token, tokens }, 1));
        return head.call(x[.., 0]).MoveToOuterDisposeScope();
    }
}
