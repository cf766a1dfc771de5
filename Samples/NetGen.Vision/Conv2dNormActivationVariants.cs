using NetGen;
using static TorchSharp.torch;

namespace NetGen.Vision;

// torchvision's ops.Conv2dNormActivation with the activation layers that MobileNetV3, EfficientNet, MaxViT and the
// projections use (Conv2dNormActivation.cs is the ReLU6 one of MobileNetV2). Each is an indexed Sequential:
// 0 the conv (no bias), 1 the BatchNorm, 2 the activation. They are five classes, not one with an activation
// hyperparameter, because the children declared on a model class are a fixed list: a `When` there is NG0040,
// and an enum constant cannot be passed to a block (see docs/zoo.md, mobilenet_v3). The padding is
// torchvision's default, (kernel_size - 1) // 2 * dilation; eps and momentum are the norm layer's.

/// <summary>torchvision's <c>Conv2dNormActivation(..., activation_layer=nn.Hardswish)</c>: conv + BatchNorm2d + Hardswish.</summary>
[Model(Input = ["inChannels", 56, 56])]
[Conv2d("inChannels", "outChannels", "kernelSize", Stride = "stride", Padding = "(kernelSize - 1) / 2 * dilation", Dilation = "dilation", Groups = "groups", Bias = false)]
[BatchNorm2d("outChannels", Eps = "eps", Momentum = "momentum")]
[Hardswish(Inplace = true)]
public partial class Conv2dNormHardswish : nn.Module<Tensor, Tensor>
{
    public partial Conv2dNormHardswish(int inChannels, int outChannels, int kernelSize = 3, int stride = 1, int groups = 1, int dilation = 1,
        double eps = 1e-5, double momentum = 0.1);
}

/// <summary>torchvision's <c>Conv2dNormActivation</c> with its default <c>nn.ReLU</c>: conv + BatchNorm2d + ReLU.</summary>
[Model(Input = ["inChannels", 56, 56])]
[Conv2d("inChannels", "outChannels", "kernelSize", Stride = "stride", Padding = "(kernelSize - 1) / 2 * dilation", Dilation = "dilation", Groups = "groups", Bias = false)]
[BatchNorm2d("outChannels", Eps = "eps", Momentum = "momentum")]
[ReLU(Inplace = true)]
public partial class Conv2dNormReLU : nn.Module<Tensor, Tensor>
{
    public partial Conv2dNormReLU(int inChannels, int outChannels, int kernelSize = 3, int stride = 1, int groups = 1, int dilation = 1,
        double eps = 1e-5, double momentum = 0.1);
}

/// <summary>torchvision's <c>Conv2dNormActivation(..., activation_layer=nn.SiLU)</c>: conv + BatchNorm2d + SiLU (EfficientNet).</summary>
[Model(Input = ["inChannels", 56, 56])]
[Conv2d("inChannels", "outChannels", "kernelSize", Stride = "stride", Padding = "(kernelSize - 1) / 2 * dilation", Dilation = "dilation", Groups = "groups", Bias = false)]
[BatchNorm2d("outChannels", Eps = "eps", Momentum = "momentum")]
[SiLU(Inplace = true)]
public partial class Conv2dNormSiLU : nn.Module<Tensor, Tensor>
{
    public partial Conv2dNormSiLU(int inChannels, int outChannels, int kernelSize = 3, int stride = 1, int groups = 1, int dilation = 1,
        double eps = 1e-5, double momentum = 0.1);
}

/// <summary>torchvision's <c>Conv2dNormActivation(..., activation_layer=None)</c>: conv + BatchNorm2d, the linear projections.</summary>
[Model(Input = ["inChannels", 56, 56])]
[Conv2d("inChannels", "outChannels", "kernelSize", Stride = "stride", Padding = "(kernelSize - 1) / 2", Groups = "groups", Bias = false)]
[BatchNorm2d("outChannels", Eps = "eps", Momentum = "momentum")]
public partial class Conv2dNorm : nn.Module<Tensor, Tensor>
{
    public partial Conv2dNorm(int inChannels, int outChannels, int kernelSize = 1, int stride = 1, int groups = 1, double eps = 1e-5, double momentum = 0.1);
}

[Model(Input = ["inChannels", 56, 56])]
[Conv2d("inChannels", "outChannels", "kernelSize", Stride = "stride", Padding = "(kernelSize - 1) / 2 * dilation", Dilation = "dilation", Groups = "groups", Bias = false)]
[BatchNorm2d("outChannels", Eps = "eps", Momentum = "momentum")]
[GELU]
public partial class Conv2dNormGELU : nn.Module<Tensor, Tensor>
{
    public partial Conv2dNormGELU(int inChannels, int outChannels, int kernelSize = 3, int stride = 1, int groups = 1, int dilation = 1,
        double eps = 1e-5, double momentum = 0.1);
}
