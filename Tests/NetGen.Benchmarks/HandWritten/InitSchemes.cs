using TorchSharp.Modules;

namespace NetGen.Benchmarks.HandWritten;

/// <summary>The init schemes both sides of the init_weights benchmark apply: torchvision's ResNet scheme.</summary>
public static class InitSchemes
{
    /// <summary>Conv2d: Kaiming normal, fan_out, ReLU (zero bias where there is one); BatchNorm2d: ones and zeros.</summary>
    public static InitPlan ResNet { get; } = InitPlan.Empty
        .With<Conv2d>(new InitSpec(InitKind.KaimingNormal, Bias: InitKind.Zeros, Mode: FanMode.FanOut, Nonlinearity: Nonlinearity.ReLU))
        .With<BatchNorm2d>(new InitSpec(InitKind.Ones, Bias: InitKind.Zeros));
}
