using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// A hand-written forward whose members omit every size they can: each in_channels, num_features and in_features comes
/// from what the forward passes the member, in the forward's order (body before stem), not the declaration's. The dropout
/// is a plain TorchSharp field.
/// </summary>
[Model(Input = [3, 12, 12])]
public partial class ForwardInferredNet : nn.Module<Tensor, Tensor>
{
    public partial ForwardInferredNet(int width = 6, int classes = 5);

    [Conv2d(8, 3, Padding = 1), BatchNorm2d, ReLU] public partial Sequential stem { get; }
    [Conv2d("width", 3, Padding = 1)] public partial Conv2d body { get; }
    [AdaptiveAvgPool2d(1), Flatten, Linear("classes")] public partial Sequential head { get; }
    private readonly Dropout drop = nn.Dropout(0.1);

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return head.call(drop.call(stem.call(body.call(x)))).MoveToOuterDisposeScope();
    }
}
