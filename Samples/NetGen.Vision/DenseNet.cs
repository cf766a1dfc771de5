using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's DenseNet <c>_DenseLayer</c> (torchvision 0.14, drop_rate 0, as every torchvision variant): BN + ReLU +
/// 1×1 conv to <c>bnSize * growthRate</c>, BN + ReLU + 3×3 conv to <c>growthRate</c>. It receives the concatenation of
/// everything before it in its dense block (the <see cref="DenseBlockAttribute{TLayer}"/> stage does that). torchvision's
/// <c>relu1</c>/<c>relu2</c> modules hold no state, so they are functional ops here.
/// </summary>
[Model(Input = ["inp", 56, 56])]
public partial class DenseLayer : nn.Module<Tensor, Tensor>
{
    /// <param name="inp">The channels it receives: the block's input and every earlier layer's output.</param>
    /// <param name="growthRate">The channels it adds.</param>
    /// <param name="bnSize">The bottleneck's width, in multiples of the growth rate.</param>
    public partial DenseLayer(int inp, int growthRate, int bnSize);

    [BatchNorm2d("inp"), ReLU(Inplace = true)]
    public partial BatchNorm2d norm1 { get; }

    [Conv2d("inp", "bnSize * growthRate", 1, Bias = false)]
    public partial Conv2d conv1 { get; }

    [BatchNorm2d("bnSize * growthRate"), ReLU(Inplace = true)]
    public partial BatchNorm2d norm2 { get; }

    [Conv2d("bnSize * growthRate", "growthRate", 3, Padding = 1, Bias = false)]
    public partial Conv2d conv2 { get; }
}

/// <summary>
/// torchvision's DenseNet <c>_Transition</c>, an <c>nn.Sequential</c> whose children are named: <c>norm</c>, <c>relu</c>,
/// <c>conv</c> (1×1, halving the channels) and <c>pool</c> (2×2 average), so its keys are <c>norm.weight</c>, <c>conv.weight</c>, ….
/// </summary>
[Model(Input = ["inp", 56, 56])]
[BatchNorm2d("inp", Name = "norm"), ReLU(Inplace = true, Name = "relu")]
[Conv2d("inp", "oup", 1, Bias = false, Name = "conv"), AvgPool2d(2, Stride = 2, Name = "pool")]
public partial class Transition : nn.Module<Tensor, Tensor>
{
    public partial Transition(int inp, int oup);
}

/// <summary>
/// torchvision's <c>DenseNet</c> (torchvision 0.14), one class for densenet121, 161, 169 and 201: <c>features</c> is ONE
/// Sequential with torchvision's named children (<c>conv0</c>, <c>norm0</c>, <c>relu0</c>, <c>pool0</c>, then
/// <c>denseblock1</c>, <c>transition1</c>, …, <c>denseblock4</c>, <c>norm5</c>). Dense block <c>k</c> holds <c>blockk</c>
/// <see cref="DenseLayer"/>s named <c>denselayer1</c>, …, layer <c>i</c> taking <c>in + i * growthRate</c> channels, each
/// seeing the concatenation of everything before it; each transition halves the channels. Then ReLU, global average
/// pooling, flatten and <c>classifier</c>. Its state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class DenseNet : nn.Module<Tensor, Tensor>
{
    // The channels entering each dense block (In) and leaving it (Out), as torchvision's num_features runs.
    private const string Out1 = "numInitFeatures + block1 * growthRate";
    private const string In2 = "(" + Out1 + ") / 2";
    private const string Out2 = In2 + " + block2 * growthRate";
    private const string In3 = "(" + Out2 + ") / 2";
    private const string Out3 = In3 + " + block3 * growthRate";
    private const string In4 = "(" + Out3 + ") / 2";
    private const string Out4 = In4 + " + block4 * growthRate";

    /// <param name="growthRate">The channels each dense layer adds (torchvision's <c>growth_rate</c>).</param>
    /// <param name="block1">Layers in dense block 1 (torchvision's <c>block_config[0]</c>).</param>
    /// <param name="block2">Layers in dense block 2.</param>
    /// <param name="block3">Layers in dense block 3.</param>
    /// <param name="block4">Layers in dense block 4.</param>
    /// <param name="numInitFeatures">The stem's channels.</param>
    /// <param name="bnSize">The dense layers' bottleneck width, in multiples of the growth rate.</param>
    /// <param name="numClasses">Outputs of <c>classifier</c>.</param>
    public partial DenseNet(int growthRate = 32, int block1 = 6, int block2 = 12, int block3 = 24, int block4 = 16,
        int numInitFeatures = 64, int bnSize = 4, int numClasses = 1000);

    /// <summary>torchvision's <c>densenet121</c>: growth 32, blocks 6, 12, 24, 16, 64 initial features.</summary>
    public static DenseNet DenseNet121(int numClasses = 1000) => new(32, 6, 12, 24, 16, 64, 4, numClasses);

    /// <summary>torchvision's <c>densenet161</c>: growth 48, blocks 6, 12, 36, 24, 96 initial features.</summary>
    public static DenseNet DenseNet161(int numClasses = 1000) => new(48, 6, 12, 36, 24, 96, 4, numClasses);

    /// <summary>torchvision's <c>densenet169</c>: growth 32, blocks 6, 12, 32, 32, 64 initial features.</summary>
    public static DenseNet DenseNet169(int numClasses = 1000) => new(32, 6, 12, 32, 32, 64, 4, numClasses);

    /// <summary>torchvision's <c>densenet201</c>: growth 32, blocks 6, 12, 48, 32, 64 initial features.</summary>
    public static DenseNet DenseNet201(int numClasses = 1000) => new(32, 6, 12, 48, 32, 64, 4, numClasses);

    [Conv2d(3, "numInitFeatures", 7, Stride = 2, Padding = 3, Bias = false, Name = "conv0")]
    [BatchNorm2d("numInitFeatures", Name = "norm0"), ReLU(Inplace = true, Name = "relu0"), MaxPool2d(3, Stride = 2, Padding = 1, Name = "pool0")]
    [DenseBlock<DenseLayer>("block1", Each = ["numInitFeatures + i * growthRate", "growthRate", "bnSize"], Index = "i", Prefix = "denselayer", FirstNumber = 1, Name = "denseblock1")]
    [Block<Transition>(Out1, In2, Name = "transition1")]
    [DenseBlock<DenseLayer>("block2", Each = [In2 + " + i * growthRate", "growthRate", "bnSize"], Index = "i", Prefix = "denselayer", FirstNumber = 1, Name = "denseblock2")]
    [Block<Transition>(Out2, In3, Name = "transition2")]
    [DenseBlock<DenseLayer>("block3", Each = [In3 + " + i * growthRate", "growthRate", "bnSize"], Index = "i", Prefix = "denselayer", FirstNumber = 1, Name = "denseblock3")]
    [Block<Transition>(Out3, In4, Name = "transition3")]
    [DenseBlock<DenseLayer>("block4", Each = [In4 + " + i * growthRate", "growthRate", "bnSize"], Index = "i", Prefix = "denselayer", FirstNumber = 1, Name = "denseblock4")]
    [BatchNorm2d(Out4, Name = "norm5")]
    public partial Sequential features { get; }

    [ReLU(Inplace = true), AdaptiveAvgPool2d(1), Flatten]
    public partial AdaptiveAvgPool2d pool { get; }

    [Linear(Out4, "numClasses")]
    public partial Linear classifier { get; }
}
