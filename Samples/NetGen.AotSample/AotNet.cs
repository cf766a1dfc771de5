using NetGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.AotSample;

/// <summary>
/// A small CNN with an indexed Sequential stem, so the state dict has nested (<c>stem.0.weight</c>),
/// parameter-less-index (<c>stem.1</c> is ReLU) and buffer (<c>running_mean</c>) keys.
/// </summary>
[Model(Input = [1, 28, 28])]
public partial class AotNet : nn.Module<Tensor, Tensor>
{
    public partial AotNet(int numClasses = 10);

    [Conv2d(1, 8, 3, Padding = 1), ReLU(), BatchNorm2d(8), MaxPool2d(2)]
    public partial Sequential stem { get; }

    [Conv2d(8, 16, 3), ReLU]
    public partial Conv2d conv { get; }

    [MaxPool2d(2)]
    public partial MaxPool2d pool { get; }

    [Flatten, Linear(16 * 6 * 6, 32), ReLU]
    public partial Linear fc1 { get; }

    [Linear(32, "numClasses")]
    public partial Linear fc2 { get; }
}
