using NetGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// Init rules meeting modules NetGen cannot see into: a hand-written wrapper built by <c>[Block]</c>, a
/// Sequential built by a <c>[Factory]</c> (with a member-level rule of its own), and a module field the user
/// initialises. The rules are constants, so every value they set can be checked exactly.
/// </summary>
[Model(Input = [16])]
[Init<Linear>(InitKind.Constant, Value = 0.25, Bias = InitKind.Constant, BiasValue = -0.5)]
public partial class InitReachNet : nn.Module<Tensor, Tensor>
{
    public partial InitReachNet(int features = 24);

    [Linear(16, "features"), ReLU]
    public partial Linear stem { get; }

    [Block("features", 0.5)]
    [Contract(Input = ["features"], Output = ["features"])]
    public partial ScaledResidual residual { get; }

    [Factory(nameof(CreateMixer))]
    [Contract(Input = ["features"], Output = ["features"])]
    [Init(InitKind.Ones, Bias = InitKind.Zeros)]
    public partial Sequential mixer { get; }

    // A module field: NetGen registers it (it holds state), though the generated forward does not call it.
    private readonly ScaledResidual refine = new(24, 0.25);

    [Linear("features", 2)]
    public partial Linear head { get; }

    private static Sequential CreateMixer(int features) =>
        nn.Sequential(("0", nn.Linear(features, features)), ("1", nn.ReLU()), ("2", nn.Linear(features, features)));

    /// <summary>The field member, for the tests.</summary>
    public ScaledResidual Refine => refine;
}
