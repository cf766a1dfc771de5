using System;
using NetGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// A ViT encoder block: pre-norm multi-head self-attention and an MLP, each added back to its input. TorchSharp's
/// MultiheadAttention takes sequence-first tensors ([L, N, E]), so the forward turns the tokens around it.
/// </summary>
[Model(Input = [5, 16])]
public partial class EncoderBlock : nn.Module<Tensor, Tensor>
{
    public partial EncoderBlock(int dim = 16, int heads = 4, int mlp = 32);

    [LayerNorm("dim")]
    public partial LayerNorm norm1 { get; }

    [Factory(nameof(CreateAttention))]
    public partial MultiheadAttention attention { get; }

    [LayerNorm("dim")]
    public partial LayerNorm norm2 { get; }

    [Linear("dim", "mlp")]
    public partial Linear fc1 { get; }

    [Linear("mlp", "dim")]
    public partial Linear fc2 { get; }

    private static MultiheadAttention CreateAttention(int dim, int heads) => nn.MultiheadAttention(dim, heads);

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = norm1.call(x).transpose(0, 1);
        var (attended, _) = attention.call(h, h, h);
        x = x + attended.transpose(0, 1);
        var y = fc2.call(nn.functional.gelu(fc1.call(norm2.call(x))));
        return (x + y).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// A small vision transformer: patches embedded by a strided convolution and turned into tokens, a learnable class
/// token in front, learnable positions added, one <see cref="EncoderBlock"/>, and a head on the class token.
/// </summary>
[Model(Input = [3, 16, 16])]
public partial class TinyViT : nn.Module<Tensor, Tensor>
{
    public partial TinyViT(int dim = 16, int heads = 4, int mlp = 32, int patch = 4, int tokens = 17, int classes = 10);

    [Conv2d(3, "dim", "patch", Stride = "patch")]
    public partial Conv2d embed { get; }

    [Parameter(1, 1, "dim")]
    public partial Parameter class_token { get; }

    [Parameter(1, "tokens", "dim")]
    public partial Parameter position { get; }

    [Block("dim", "heads", "mlp")]
    public partial EncoderBlock encoder { get; }

    [LayerNorm("dim")]
    public partial LayerNorm norm { get; }

    [Linear("dim", "classes")]
    public partial Linear head { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var patches = embed.call(x).flatten(2).transpose(1, 2);
        var token = class_token.expand(patches.shape[0], -1, -1);
        var sequence = cat(new[] { token, patches }, 1) + position;
        var encoded = norm.call(encoder.call(sequence));
        return head.call(encoded[.., 0]).MoveToOuterDisposeScope();
    }
}
