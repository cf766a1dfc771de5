using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's vision-transformer <c>EncoderBlock</c>: pre-norm self-attention and a GELU MLP, each with its own shortcut,
/// <c>x = x + dropout(attention(ln_1(x)))</c> then <c>x + mlp(ln_2(x))</c>. Each shortcut is a <c>[Residual]</c> on the
/// member where it starts, going around the members through the one it names.
/// </summary>
[Model]
public partial class ViTEncoderBlock : nn.Module<Tensor, Tensor>
{
    public partial ViTEncoderBlock(int numHeads, int hiddenDim, int mlpDim, double dropout, double attentionDropout);

    [LayerNorm("hiddenDim", Eps = 1e-6), Residual(Through = nameof(dropout))]
    public partial LayerNorm ln_1 { get; }

    [MultiheadAttention("hiddenDim", "numHeads", Dropout = "attentionDropout")]
    public partial MultiheadAttention self_attention { get; }

    [Dropout("dropout")]
    public partial Dropout dropout { get; }

    [LayerNorm("hiddenDim", Eps = 1e-6), Residual(Through = nameof(mlp))]
    public partial LayerNorm ln_2 { get; }

    /// <summary>torchvision's <c>MLPBlock</c>: its linears are <c>mlp.0</c> and <c>mlp.3</c>.</summary>
    [Linear("hiddenDim", "mlpDim"), GELU, Dropout("dropout"), Linear("mlpDim", "hiddenDim"), Dropout("dropout")]
    public partial Sequential mlp { get; }
}
