using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Torchvision;

/// <summary>
/// torchvision's vision-transformer <c>EncoderBlock</c>: pre-norm self-attention and a GELU MLP, each with its own residual
/// add. The layers are declared; the forward is hand-written, because NetGen's <c>[Residual]</c> adds one shortcut around
/// the whole model and this block has two, each around part of it. NetGen follows this forward to check it.
/// </summary>
[Model]
public partial class ViTEncoderBlock : nn.Module<Tensor, Tensor>
{
    public partial ViTEncoderBlock(int numHeads, int hiddenDim, int mlpDim, double dropout, double attentionDropout);

    [LayerNorm("hiddenDim", Eps = 1e-6)]
    public partial LayerNorm ln_1 { get; }

    [MultiheadAttention("hiddenDim", "numHeads", Dropout = "attentionDropout")]
    public partial MultiheadAttention self_attention { get; }

    [Dropout("dropout")]
    public partial Dropout dropout { get; }

    [LayerNorm("hiddenDim", Eps = 1e-6)]
    public partial LayerNorm ln_2 { get; }

    /// <summary>torchvision's <c>MLPBlock</c>: its linears are <c>mlp.0</c> and <c>mlp.3</c>.</summary>
    [Linear("hiddenDim", "mlpDim"), GELU, Dropout("dropout"), Linear("mlpDim", "hiddenDim"), Dropout("dropout")]
    public partial Sequential mlp { get; }

    public override Tensor forward(Tensor input)
    {
        using var normed = ln_1.call(input);
        using var attended = NetGen.Attention.SelfAttention(self_attention, normed);
        using var dropped = dropout.call(attended);
        var x = dropped + input;
        using var normed2 = ln_2.call(x);
        using var y = mlp.call(normed2);
        var output = x + y;
        x.Dispose();
        return output;
    }
}
