using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// <see cref="WrapperNet"/> without the contract: NetGen cannot know what the wrapper does to shapes, so what
/// follows it is unknown (and unchecked), while the head's parameters, declared in full, are still counted.
/// </summary>
[Model(Input = [16])]
public partial class OpaqueNet : nn.Module<Tensor, Tensor>
{
    public partial OpaqueNet(int features = 24, int classes = 3);

    [Linear(16, "features"), ReLU]
    public partial Linear stem { get; }

    [Block("features", 0.5)]
    public partial ScaledResidual residual { get; }

    [Linear("features", "classes")]
    public partial Linear head { get; }
}
