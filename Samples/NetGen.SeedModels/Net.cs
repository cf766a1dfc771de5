using NetGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples;

/// <summary>
/// The seed's first model: two conv + pool stages and three fully connected layers, for 3×224×224
/// input and 101 classes. The seed computes fc1's input size by hand as 64·54·54. Its weight-init
/// scheme is the seed's <c>init_weights</c>, declared per layer type.
/// </summary>
[Model(Input = [3, 224, 224])]
[Init<Conv2d>(InitKind.XavierNormal, Bias = InitKind.Zeros)]
[Init<BatchNorm2d>(InitKind.Ones, Bias = InitKind.Zeros)]
[Init<Linear>(InitKind.Normal, Mean = 0, Std = 0.01, Bias = InitKind.Zeros)]
public partial class Net : nn.Module<Tensor, Tensor>
{
    public partial Net(int flat = 64 * 54 * 54, int numClasses = 101);

    [Conv2d(3, 32, 3), ReLU]
    public partial Conv2d conv1 { get; }

    [MaxPool2d(2, Stride = 2)]
    public partial MaxPool2d pool1 { get; }

    [Conv2d(32, 64, 3), ReLU]
    public partial Conv2d conv2 { get; }

    [MaxPool2d(2, Stride = 2)]
    public partial MaxPool2d pool2 { get; }

    [Flatten, Linear("flat", 256), ReLU]
    public partial Linear fc1 { get; }

    [Linear(256, 128), ReLU]
    public partial Linear fc2 { get; }

    [Linear(128, "numClasses")]
    public partial Linear fc3 { get; }
}
