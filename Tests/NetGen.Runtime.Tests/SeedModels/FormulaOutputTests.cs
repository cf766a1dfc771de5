using System;
using NetGen.Runtime.Tests.Support;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.SeedModels;

/// <summary>
/// With every state-dict entry set by the deterministic formula, the generated models reproduce the
/// outputs PyTorch computed for the same formula (eval mode), within 1e-4 absolute.
/// </summary>
public sealed class FormulaOutputTests
{
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData("net")]
    [InlineData("seed_block")]
    [InlineData("resnet34")]
    public void Output_matches_PyTorch_under_formula_weights(string fixture)
    {
        var expected = PyTorchFixtures.Formula(fixture);
        using var scope = NewDisposeScope();
        var model = SeedModelCases.Create(fixture);
        FormulaWeights.Apply(model);
        model.eval();

        using var _ = no_grad();
        var output = model.call(FormulaWeights.Input(expected.Input));

        Assert.Equal(expected.OutputShape, output.shape);
        var flat = output.flatten().to_type(ScalarType.Float64).data<double>().ToArray();
        for (var i = 0; i < expected.OutputHead.Length; i++)
        {
            Assert.True(Math.Abs(flat[i] - expected.OutputHead[i]) <= Tolerance, $"output[{i}]: PyTorch {expected.OutputHead[i]}, NetGen {flat[i]}");
        }

        var sum = 0.0;
        foreach (var v in flat)
        {
            sum += v;
        }

        // The sum runs over every output value (all 101 logits for the classifiers), so nothing past the head escapes.
        Assert.True(Math.Abs(sum - expected.OutputSum) <= Tolerance * Math.Max(1, flat.Length / 100.0), $"sum: PyTorch {expected.OutputSum}, NetGen {sum}");
        model.Dispose();
    }
}
