using NetGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Models;

/// <summary>
/// The seed's <c>Net</c> adapted to Fashion-MNIST's 1×28×28 images: two conv + pool stages and three fully
/// connected layers. The number of classes is a hyperparameter so the same class serves both the
/// 10-class model and the 4-class coarse-group model the tour transfers into. No size is computed by
/// hand: in_channels and in_features are inferred from the declared input. The init scheme is the seed's.
/// </summary>
[Model(Input = [1, 28, 28])]
[Init<Conv2d>(InitKind.XavierNormal, Bias = InitKind.Zeros)]
[Init<Linear>(InitKind.Normal, Std = 0.01, Bias = InitKind.Zeros)]
public partial class FashionNet : nn.Module<Tensor, Tensor>
{
    public partial FashionNet(int numClasses = 10);

    [Conv2d(32, 3), ReLU]                 // 32×26×26
    public partial Conv2d conv1 { get; }

    [MaxPool2d(2, Stride = 2)]            // 32×13×13
    public partial MaxPool2d pool1 { get; }

    [Conv2d(64, 3), ReLU]                 // 64×11×11
    public partial Conv2d conv2 { get; }

    [MaxPool2d(2, Stride = 2)]            // 64×5×5
    public partial MaxPool2d pool2 { get; }

    [Flatten, Linear(256), ReLU]          // in_features inferred: 64·5·5 = 1600
    public partial Linear fc1 { get; }

    [Linear(128), ReLU]
    public partial Linear fc2 { get; }

    [Linear("numClasses")]
    public partial Linear fc3 { get; }
}
