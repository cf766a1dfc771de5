using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>SwinTransformerBlock</c> (Swin v1), on a channels-last <c>[H, W, dim]</c> map: pre-norm window
/// attention and a GELU MLP, each with its own shortcut, <c>x = x + stochastic_depth(attn(norm1(x)))</c> then
/// <c>x + stochastic_depth(mlp(norm2(x)))</c>. The attention is hand-written (<see cref="ShiftedWindowAttention"/>);
/// its contract says it keeps the shape, so the MLP after it is still checked. torchvision applies one stateless
/// <c>stochastic_depth</c> module twice; here each shortcut has its own, which draws the same masks in training and
/// adds no entry to the state dict.
/// </summary>
[Model(Input = [56, 56, "dim"])]
public partial class SwinTransformerBlock : nn.Module<Tensor, Tensor>
{
    /// <param name="dim">Channels.</param>
    /// <param name="numHeads">Attention heads.</param>
    /// <param name="windowSize">The side of an attention window.</param>
    /// <param name="shiftSize">The windows' cyclic shift: 0, or half the window in every other block.</param>
    /// <param name="stochasticDepthProb">The probability that a shortcut's branch is dropped in training.</param>
    public partial SwinTransformerBlock(int dim = 96, int numHeads = 3, int windowSize = 7, int shiftSize = 0, double stochasticDepthProb = 0.0);

    [LayerNorm("dim"), Residual(Through = nameof(stochastic_depth))]
    public partial LayerNorm norm1 { get; }

    [Block("dim", "windowSize", "shiftSize", "numHeads"), Contract(Input = ["h", "w", "dim"], Output = ["h", "w", "dim"])]
    public partial ShiftedWindowAttention attn { get; }

    [StochasticDepth("stochasticDepthProb", "row")]
    public partial NetGen.StochasticDepth stochastic_depth { get; }

    [LayerNorm("dim"), Residual(Through = nameof(mlp_stochastic_depth))]
    public partial LayerNorm norm2 { get; }

    /// <summary>torchvision's <c>MLP</c>: its linears are <c>mlp.0</c> and <c>mlp.3</c>.</summary>
    [Linear("dim", "4 * dim"), GELU, Dropout(0.0), Linear("4 * dim", "dim"), Dropout(0.0)]
    public partial Sequential mlp { get; }

    [StochasticDepth("stochasticDepthProb", "row")]
    public partial NetGen.StochasticDepth mlp_stochastic_depth { get; }
}

/// <summary>
/// torchvision's <c>SwinTransformerBlockV2</c>: post-norm, <c>x = x + stochastic_depth(norm1(attn(x)))</c> then
/// <c>x + stochastic_depth(norm2(mlp(x)))</c>, with <see cref="ShiftedWindowAttentionV2"/>. The forward is hand-written
/// because it runs <c>norm1</c> after <c>attn</c>, while torchvision registers (and so orders the state dict) <c>norm1</c>
/// first; a generated forward runs members in the order they are declared.
/// </summary>
[Model(Input = [64, 64, "dim"])]
public partial class SwinTransformerBlockV2 : nn.Module<Tensor, Tensor>
{
    /// <inheritdoc cref="SwinTransformerBlock(int, int, int, int, double)"/>
    public partial SwinTransformerBlockV2(int dim = 96, int numHeads = 3, int windowSize = 8, int shiftSize = 0, double stochasticDepthProb = 0.0);

    [LayerNorm("dim")]
    public partial LayerNorm norm1 { get; }

    [Block("dim", "windowSize", "shiftSize", "numHeads"), Contract(Input = ["h", "w", "dim"], Output = ["h", "w", "dim"])]
    public partial ShiftedWindowAttentionV2 attn { get; }

    [StochasticDepth("stochasticDepthProb", "row")]
    public partial NetGen.StochasticDepth stochastic_depth { get; }

    [LayerNorm("dim")]
    public partial LayerNorm norm2 { get; }

    /// <summary>torchvision's <c>MLP</c>: its linears are <c>mlp.0</c> and <c>mlp.3</c>.</summary>
    [Linear("dim", "4 * dim"), GELU, Dropout(0.0), Linear("4 * dim", "dim"), Dropout(0.0)]
    public partial Sequential mlp { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var attended = x.add(stochastic_depth.call(norm1.call(attn.call(x))));
        return attended.add(stochastic_depth.call(norm2.call(mlp.call(attended)))).MoveToOuterDisposeScope();
    }
}
