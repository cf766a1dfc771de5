using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's vision-transformer <c>Encoder</c>: the position embedding is added to the tokens
/// (<c>ParameterUse.Add</c>), then dropout, the blocks (named <c>encoder_layer_0</c>, … as torchvision names them) and a
/// final LayerNorm.
/// </summary>
[Model(Input = ["seqLength", "hiddenDim"])]
public partial class ViTEncoder : nn.Module<Tensor, Tensor>
{
    public partial ViTEncoder(int seqLength, int numLayers, int numHeads, int hiddenDim, int mlpDim, double dropout, double attentionDropout);

    [Parameter(1, "seqLength", "hiddenDim", Use = ParameterUse.Add), Init(InitKind.Normal, Std = 0.02)]
    public partial Parameter pos_embedding { get; }

    [Dropout("dropout")]
    public partial Dropout dropout { get; }

    [Repeat<ViTEncoderBlock>("numLayers", Each = ["numHeads", "hiddenDim", "mlpDim", "dropout", "attentionDropout"], Prefix = "encoder_layer_")]
    public partial Sequential layers { get; }

    [LayerNorm("hiddenDim", Eps = 1e-6)]
    public partial LayerNorm ln { get; }
}
