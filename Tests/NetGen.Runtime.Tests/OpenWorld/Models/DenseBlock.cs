using System.Collections.Generic;
using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>A DenseNet dense block: each layer sees the concatenation of the input and every earlier layer's output.</summary>
[Model(Input = [8, 6, 6])]
public partial class DenseBlock : nn.Module<Tensor, Tensor>
{
    public partial DenseBlock(int c0 = 8, int c1 = 12, int c2 = 16, int growth = 4);

    [BatchNorm2d("c0"), ReLU, Conv2d("c0", "growth", 3, Padding = 1, Bias = false)]
    public partial Sequential layer1 { get; }

    [BatchNorm2d("c1"), ReLU, Conv2d("c1", "growth", 3, Padding = 1, Bias = false)]
    public partial Sequential layer2 { get; }

    [BatchNorm2d("c2"), ReLU, Conv2d("c2", "growth", 3, Padding = 1, Bias = false)]
    public partial Sequential layer3 { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var features = new List<Tensor> { x };
        foreach (var layer in new[] { layer1, layer2, layer3 })
        {
            features.Add(layer.call(cat(features, 1)));
        }

        return cat(features, 1).MoveToOuterDisposeScope();
    }
}
