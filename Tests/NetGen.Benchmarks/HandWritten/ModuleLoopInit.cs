using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Benchmarks.HandWritten;

/// <summary>
/// Weight init as a TorchSharp user writes it today: walk <c>modules()</c> and switch on each module's
/// runtime type. It applies the same schemes, through the same <see cref="Initializers"/>, as
/// <see cref="InitSchemes.ResNet"/> declares, so the only difference from the generated
/// <c>init_weights(plan)</c> is how the layers are reached.
/// </summary>
public static class ModuleLoopInit
{
    public static void Apply(nn.Module model)
    {
        using var noGrad = no_grad();
        foreach (var module in model.modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    Initializers.kaiming_normal_(conv.weight!, mode: FanMode.FanOut, nonlinearity: Nonlinearity.ReLU);
                    if (conv.bias is { } convBias) Initializers.zeros_(convBias);
                    break;
                case BatchNorm2d norm:
                    Initializers.ones_(norm.weight!);
                    Initializers.zeros_(norm.bias!);
                    break;
            }
        }
    }
}
