using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>torchvision's <c>BasicConv2d</c> of GoogLeNet: a conv without bias, a BatchNorm with eps 0.001, ReLU.</summary>
[Model(Input = ["inp", 28, 28])]
public partial class BasicConv2d : nn.Module<Tensor, Tensor>
{
    public partial BasicConv2d(int inp = 64, int oup = 64, int kernel = 1, int stride = 1, int padding = 0);

    [Conv2d("inp", "oup", "kernel", Stride = "stride", Padding = "padding", Bias = false)]
    public partial Conv2d conv { get; }

    [BatchNorm2d("oup", Eps = 0.001), ReLU(Inplace = true)]
    public partial BatchNorm2d bn { get; }
}
