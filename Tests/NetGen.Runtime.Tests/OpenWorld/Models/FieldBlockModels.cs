using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>DCGAN's generator as PyTorch's example writes it: transposed convolutions with positional stride and padding.</summary>
[Model(Input = [100])]
public partial class FieldDcganGenerator : nn.Module<Tensor, Tensor>
{
    private readonly Sequential main = nn.Sequential(
        nn.ConvTranspose2d(100, 64, 4, 1, 0, bias: false), nn.BatchNorm2d(64), nn.ReLU(true),
        nn.ConvTranspose2d(64, 32, 4, 2, 1, bias: false), nn.BatchNorm2d(32), nn.ReLU(true),
        nn.ConvTranspose2d(32, 1, 4, 2, 1, bias: false), nn.Tanh());

    public override Tensor forward(Tensor z) => main.call(z.view(-1, 100, 1, 1));
}

/// <summary>A NetGen block, built by a TorchSharp-style model below with <c>new</c>.</summary>
[Model(Input = ["channels", 16, 16])]
public partial class FieldConvBnAct : nn.Module<Tensor, Tensor>
{
    public partial FieldConvBnAct(int channels = 16, int stride = 1);

    [Conv2d("channels", "channels", 3, Stride = "stride", Padding = 1, Bias = false), BatchNorm2d, ReLU]
    public partial Sequential conv { get; }
}

/// <summary>
/// A model written the TorchSharp way that builds NetGen blocks in its fields, one alone and two in a Sequential, and
/// converts its features to the head's dtype in its forward (a conversion is no boundary).
/// </summary>
[Model(Input = [3, 16, 16])]
public partial class FieldBlockNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d stem = nn.Conv2d(3, 16, 3, padding: 1);
    private readonly FieldConvBnAct body = new(16);
    private readonly nn.Module<Tensor, Tensor> down = nn.Sequential(new FieldConvBnAct(16, stride: 2), new FieldConvBnAct(16, 2));
    private readonly AdaptiveAvgPool2d gap = nn.AdaptiveAvgPool2d(1);
    private readonly Linear head = nn.Linear(16, 5);

    public override Tensor forward(Tensor x)
    {
        x = down.call(body.call(stem.call(x)));
        x = gap.call(x).flatten(1);
        return head.call(x.to(head.weight!.dtype));
    }
}
