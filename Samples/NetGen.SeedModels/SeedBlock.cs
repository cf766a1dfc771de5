using NetGen;
using static TorchSharp.torch;

namespace NetGen.Samples;

/// <summary>
/// The seed's <c>nn.Sequential</c> example: conv3×3(stride) + BN + ReLU + conv3×3 + BN. Layers declared on
/// the class make the model an indexed Sequential, so its state dict reads <c>0.weight</c>, <c>1.bias</c>, …
/// exactly as PyTorch's does.
/// </summary>
[Model(Input = ["inChannels", 56, 56])]
[Conv2d("inChannels", "outChannels", 3, Stride = "stride", Padding = 1, Bias = false)]
[BatchNorm2d("outChannels")]
[ReLU(Inplace = true)]
[Conv2d("outChannels", "outChannels", 3, Padding = 1, Bias = false)]
[BatchNorm2d("outChannels")]
public partial class SeedBlock : nn.Module<Tensor, Tensor>
{
    public partial SeedBlock(int inChannels = 64, int outChannels = 128, int stride = 2);
}
