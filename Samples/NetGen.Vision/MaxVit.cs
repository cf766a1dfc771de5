using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>MaxVit</c> (torchvision 0.14, maxvit_t at the defaults): a stem of two 3×3 convs, four blocks of
/// <see cref="MaxVitLayer"/>s whose width doubles block by block (each block's first layer halves the map), and a
/// classifier of pooling, LayerNorm, a tanh-activated linear and the head. Each layer's stochastic depth probability is
/// torchvision's <c>np.linspace(0, stochastic_depth_prob, layers)</c> at its position among all layers. The attention
/// and the partition layer's forward are hand-written (<see cref="RelativePositionalAttention"/>,
/// <see cref="PartitionAttention"/>); everything else is declared. Its state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class MaxVit : nn.Module<Tensor, Tensor>
{
    // linspace(0, p, n)[k] = p * k / (n - 1), with n = layers1 + layers2 + layers3 + layers4.
    private const string Sd = "stochasticDepthProb * (";
    private const string Last = ") / (layers1 + layers2 + layers3 + layers4 - 1.0)";
    private const string Step = "stochasticDepthProb / (layers1 + layers2 + layers3 + layers4 - 1.0)";

    /// <param name="stemChannels">The stem's channels.</param>
    /// <param name="width">The first block's channels; each later block has twice the one before.</param>
    /// <param name="layers1">Layers of the first block.</param>
    /// <param name="layers2">Layers of the second block.</param>
    /// <param name="layers3">Layers of the third block.</param>
    /// <param name="layers4">Layers of the fourth block.</param>
    /// <param name="headDim">Channels per attention head.</param>
    /// <param name="partitionSize">The side of an attention window, and of the attention grid.</param>
    /// <param name="stochasticDepthProb">The stochastic depth probability of the last layer.</param>
    /// <param name="numClasses">Outputs of the head.</param>
    public partial MaxVit(int stemChannels = 64, int width = 64, int layers1 = 2, int layers2 = 2, int layers3 = 5, int layers4 = 2,
        int headDim = 32, int partitionSize = 7, double stochasticDepthProb = 0.2, int numClasses = 1000);

    /// <summary>torchvision's <c>maxvit_t</c>.</summary>
    public static MaxVit T(int numClasses = 1000) => new(numClasses: numClasses);

    [Block<Conv2dNormGELU>(3, "stemChannels", 3, 2, 1, 1, 0.001, 0.99)]
    [Block<MaxVitStemConv>("stemChannels")]
    public partial Sequential stem { get; }

    [Block<MaxVitBlock>("stemChannels", "width", "layers1", "headDim", "partitionSize", "0.0", Step)]
    [Block<MaxVitBlock>("width", "width * 2", "layers2", "headDim", "partitionSize", Sd + "layers1" + Last, Step)]
    [Block<MaxVitBlock>("width * 2", "width * 4", "layers3", "headDim", "partitionSize", Sd + "layers1 + layers2" + Last, Step)]
    [Block<MaxVitBlock>("width * 4", "width * 8", "layers4", "headDim", "partitionSize", Sd + "layers1 + layers2 + layers3" + Last, Step)]
    public partial Sequential blocks { get; }

    [AdaptiveAvgPool2d(1), Flatten, LayerNorm("width * 8"), Linear("width * 8", "width * 8"), Tanh]
    [Linear("width * 8", "numClasses", Bias = false)]
    public partial Sequential classifier { get; }
}

/// <summary>The stem's second conv, torchvision's <c>Conv2dNormActivation</c> with neither norm nor activation: <c>stem.1.0</c>, with a bias.</summary>
[Model]
[Conv2d("channels", "channels", 3, Padding = 1)]
public partial class MaxVitStemConv : nn.Module<Tensor, Tensor>
{
    public partial MaxVitStemConv(int channels);
}

/// <summary>torchvision's <c>MaxVitBlock</c>: <c>numLayers</c> layers, the first of stride 2, each with its stochastic depth.</summary>
[Model(Input = ["inChannels", 112, 112])]
public partial class MaxVitBlock : nn.Module<Tensor, Tensor>
{
    public partial MaxVitBlock(int inChannels = 64, int outChannels = 64, int numLayers = 2, int headDim = 32, int partitionSize = 7,
        double firstStochasticDepthProb = 0.0, double stochasticDepthStep = 0.0);

    [Repeat<MaxVitLayer>("numLayers", Index = "i",
        Each = ["i == 0 ? inChannels : outChannels", "outChannels", "i == 0 ? 2 : 1", "headDim", "partitionSize", "firstStochasticDepthProb + stochasticDepthStep * i"])]
    public partial Sequential layers { get; }
}

/// <summary>torchvision's <c>MaxVitLayer</c>: an MBConv, then window attention, then grid attention, named as torchvision names them.</summary>
[Model(Input = ["inChannels", 112, 112])]
public partial class MaxVitLayer : nn.Module<Tensor, Tensor>
{
    public partial MaxVitLayer(int inChannels = 64, int outChannels = 64, int stride = 2, int headDim = 32, int partitionSize = 7,
        double stochasticDepthProb = 0.0);

    [Block<MaxVitMBConv>("inChannels", "outChannels", "stride", "stochasticDepthProb", Name = "MBconv")]
    [Block<PartitionAttention>("outChannels", "headDim", "partitionSize", false, "stochasticDepthProb", Name = "window_attention")]
    [Block<PartitionAttention>("outChannels", "headDim", "partitionSize", true, "stochasticDepthProb", Name = "grid_attention")]
    public partial Sequential layers { get; }
}

/// <summary>
/// torchvision's MaxViT <c>MBConv</c>: <c>proj(x) + stochastic_depth(layers(x))</c>, where <c>layers</c> is a pre-norm,
/// a 1×1 expansion to 4× the output width, a depthwise 3×3 (of stride <c>stride</c>), squeeze-excitation with SiLU to a
/// quarter of the output width, and a 1×1 projection. The shortcut is an average pool and a 1×1 conv when the stride or
/// the width changes, else the identity.
/// </summary>
[Model(Input = ["inChannels", 112, 112])]
[Residual(Shortcut = "proj")]
public partial class MaxVitMBConv : nn.Module<Tensor, Tensor>
{
    private const string Mid = "outChannels * 4";

    public partial MaxVitMBConv(int inChannels = 64, int outChannels = 64, int stride = 2, double stochasticDepthProb = 0.0);

    [When("stride != 1 || inChannels != outChannels")]
    [AvgPool2d(3, Stride = 2, Padding = 1, When = "stride == 2"), Conv2d("inChannels", "outChannels", 1)]
    public partial Sequential? proj { get; }

    [BatchNorm2d("inChannels", Eps = 0.001, Momentum = 0.99, Name = "pre_norm")]
    [Block<Conv2dNormGELU>("inChannels", Mid, 1, 1, 1, 1, 0.001, 0.99, Name = "conv_a")]
    [Block<Conv2dNormGELU>(Mid, Mid, 3, "stride", Mid, 1, 0.001, 0.99, Name = "conv_b")]
    [Block<SqueezeExcitation>(Mid, "outChannels / 4", true, false, Name = "squeeze_excitation")]
    [Conv2d(Mid, "outChannels", 1, Name = "conv_c")]
    public partial Sequential layers { get; }

    // Stateless, so declaring it after `layers` (where it runs) leaves torchvision's state dict as it is.
    [StochasticDepth("stochasticDepthProb", "row")]
    public partial NetGen.StochasticDepth stochastic_depth { get; }
}
