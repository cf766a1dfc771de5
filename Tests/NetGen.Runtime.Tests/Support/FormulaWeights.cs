using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Support;

/// <summary>
/// The deterministic weight formula of tools/fixtures/make_fixtures.py, so full-size models can be
/// compared with PyTorch without a weights file. Computed in float64, then cast to the entry's dtype.
/// </summary>
public static class FormulaWeights
{
    public static Tensor For(string key, long[] shape, ScalarType dtype)
    {
        long n = 1;
        foreach (var d in shape)
        {
            n *= d;
        }

        using var j = arange(n, dtype: ScalarType.Float64);
        using var b = sin(j * 0.37 + 0.013 * key.Length);
        Tensor values;
        if (key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
        {
            values = zeros(n, dtype: ScalarType.Float64);
        }
        else if (key.EndsWith("running_var", StringComparison.Ordinal))
        {
            values = b * b * 0.5 + 1;
        }
        else if (key.EndsWith("running_mean", StringComparison.Ordinal))
        {
            values = b * 0.1;
        }
        else if (shape.Length >= 2)
        {
            values = b / Math.Sqrt((double)n / shape[0]);
        }
        else
        {
            values = b * 0.1;
        }

        using (values)
        {
            return values.reshape(shape).to_type(dtype);
        }
    }

    /// <summary>Overwrites every state-dict entry of <paramref name="model"/> with the formula.</summary>
    public static void Apply(nn.Module model)
    {
        using var _ = no_grad();
        foreach (var (key, tensor) in model.state_dict())
        {
            using var value = For(key, tensor.shape, tensor.dtype);
            tensor.copy_(value);
        }
    }

    /// <summary>x[j] = sin(0.011·j) over the flat index, as float32.</summary>
    public static Tensor Input(long[] shape)
    {
        long n = 1;
        foreach (var d in shape)
        {
            n *= d;
        }

        using var j = arange(n, dtype: ScalarType.Float64);
        using var x = sin(j * 0.011);
        return x.reshape(shape).to_type(ScalarType.Float32);
    }
}
