using NetGen;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>Conv2dNormActivation</c> as MobileNetV2 uses it: Conv2d (no bias) + BatchNorm2d + ReLU6,
/// an indexed Sequential (<c>0.weight</c>, <c>1.running_mean</c>, …). The padding is torchvision's default,
/// <c>(kernel_size - 1) // 2</c>, computed from the kernel size.
/// </summary>
[Model(Input = ["inChannels", 112, 112])]
[Conv2d("inChannels", "outChannels", "kernelSize", Stride = "stride", Padding = "(kernelSize - 1) / 2", Groups = "groups", Bias = false)]
[BatchNorm2d("outChannels")]
[ReLU6(Inplace = true)]
public partial class Conv2dNormActivation : nn.Module<Tensor, Tensor>
{
    public partial Conv2dNormActivation(int inChannels, int outChannels, int kernelSize = 3, int stride = 1, int groups = 1);
}
