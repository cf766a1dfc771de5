using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Shapes;

/// <summary>The seed's Net with nothing computed by hand: in_channels and in_features are inferred.</summary>
[Model(Input = [3, 224, 224])]
public partial class InferredNet : nn.Module<Tensor, Tensor>
{
    [Conv2d(32, 3), ReLU]
    public partial Conv2d conv1 { get; }

    [MaxPool2d(2, Stride = 2)]
    public partial MaxPool2d pool1 { get; }

    [Conv2d(64, 3), ReLU]
    public partial Conv2d conv2 { get; }

    [MaxPool2d(2, Stride = 2)]
    public partial MaxPool2d pool2 { get; }

    [Flatten, Linear(256), ReLU]
    public partial Linear fc1 { get; }

    [Linear(128), ReLU]
    public partial Linear fc2 { get; }

    [Linear(101)]
    public partial Linear fc3 { get; }
}
