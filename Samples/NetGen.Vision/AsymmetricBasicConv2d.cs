using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's Inception v3 <c>BasicConv2d</c> with an (h, w) kernel and padding, such as
/// <c>conv_block(c7, c7, kernel_size=(1, 7), padding=(0, 3))</c>: a conv without bias, a BatchNorm with eps 0.001, ReLU.
/// The pairs are hyperparameters, passed to the conv as per-dimension lists (docs/expressions.md).
/// </summary>
[Model(Input = ["inp", 17, 17])]
public partial class AsymmetricBasicConv2d : nn.Module<Tensor, Tensor>
{
    public partial AsymmetricBasicConv2d(int inp = 192, int oup = 192, int kh = 1, int kw = 7, int ph = 0, int pw = 3);

    [Conv2d("inp", "oup", new[] { "kh", "kw" }, Padding = new[] { "ph", "pw" }, Bias = false)]
    public partial Conv2d conv { get; }

    [BatchNorm2d("oup", Eps = 0.001), ReLU(Inplace = true)]
    public partial BatchNorm2d bn { get; }
}
