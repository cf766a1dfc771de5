using System;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// Overwrites every entry of a model's state with values drawn from a seed, so that a check of saved state
/// cannot pass on defaults: BatchNorm's running statistics, norm weights and a zero class token all differ
/// from how the layers are built. The scales keep activations near 1 through a deep stack, as a trained
/// model's do, so outputs can be compared with an absolute tolerance.
/// </summary>
internal static class RandomState
{
    public static void Fill(nn.Module model, long seed)
    {
        var generator = new Generator((ulong)seed);
        using var noGrad = no_grad();
        foreach (var (key, tensor) in model.OrderedStateDict())
        {
            if (!tensor.is_floating_point())
            {
                tensor.fill_(7);
            }
            else if (key.EndsWith("running_var", StringComparison.Ordinal) || tensor.dim() == 1 && key.EndsWith("weight", StringComparison.Ordinal))
            {
                tensor.uniform_(0.5, 1.5, generator);
            }
            else if (tensor.dim() == 1)
            {
                tensor.normal_(0, 0.1, generator);
            }
            else
            {
                // A weight: standard deviation 1 / sqrt(fan_in), fan_in being every dimension but the first.
                tensor.normal_(0, 1 / Math.Sqrt(tensor.numel() / tensor.shape[0]), generator);
            }
        }
    }
}
