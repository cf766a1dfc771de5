using NetGen;
using NetGen.Samples;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// A stem, then a stage of residual blocks whose depth is a constructor hyperparameter (like the stage depths
/// of torchvision's ResNet), then pooling and a classifier. The block is the seed's
/// <see cref="ResidualBlock"/>, from another assembly.
/// </summary>
[Model(Input = [3, 16, 16])]
public partial class StageNet : nn.Module<Tensor, Tensor>
{
    public partial StageNet(int depth = 2, int width = 8, int classes = 5);

    [Conv2d(3, "width", 3, Padding = 1, Bias = false), BatchNorm2d("width"), ReLU]
    public partial Sequential stem { get; }

    [Repeat<ResidualBlock>("depth", First = ["width", 16, 2, true], Rest = [16, 16])]
    public partial Sequential stage { get; }

    [AdaptiveAvgPool2d(1), Flatten, Linear(16, "classes")]
    public partial Linear fc { get; }
}
