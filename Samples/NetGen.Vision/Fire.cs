using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's SqueezeNet <c>Fire</c> module: a 1×1 squeeze conv + ReLU, then a 1×1 and a 3×3 expand conv
/// (each + ReLU) on the squeezed tensor, concatenated along the channels. torchvision's
/// <c>*_activation</c> ReLU modules hold no state, so they are functional ops here.
/// </summary>
[Model(Input = ["inplanes", 55, 55])]
public partial class Fire : nn.Module<Tensor, Tensor>
{
    public partial Fire(int inplanes, int squeezePlanes, int expand1x1Planes, int expand3x3Planes);

    [Conv2d("inplanes", "squeezePlanes", 1), ReLU(Inplace = true)]
    public partial Conv2d squeeze { get; }

    [Branch, Conv2d("squeezePlanes", "expand1x1Planes", 1), ReLU(Inplace = true)]
    public partial Conv2d expand1x1 { get; }

    [Branch, Conv2d("squeezePlanes", "expand3x3Planes", 3, Padding = 1), ReLU(Inplace = true)]
    public partial Conv2d expand3x3 { get; }
}
