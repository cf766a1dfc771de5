using System.Linq;
using NetGen.Vision;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// NetGen's torchvision <c>SqueezeExcitation</c> ([Gate], Samples/NetGen.Vision/SqueezeExcitation.cs) in
/// real TorchSharp: its output is <c>x * sigmoid(fc2(relu(fc1(mean(x)))))</c> computed by hand from its own weights,
/// its keys are torchvision's, and its compile-time summary counts its parameters.
/// </summary>
public sealed class SqueezeExcitationTests
{
    [Fact]
    public void The_output_is_the_input_times_the_hand_computed_gate()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        using var se = new SqueezeExcitation(24, 6);
        se.eval();
        var x = randn(3, 24, 9, 7);
        var state = se.state_dict();

        var pooled = x.mean([2L, 3L], keepdim: true);
        var squeezed = nn.functional.relu(nn.functional.conv2d(pooled, state["fc1.weight"], state["fc1.bias"]));
        var scale = nn.functional.sigmoid(nn.functional.conv2d(squeezed, state["fc2.weight"], state["fc2.bias"]));
        var expected = x * scale;

        using var noGrad = no_grad();
        var before = x.clone();
        var actual = se.call(x);

        Assert.Equal(expected.shape, actual.shape);
        var difference = (actual - expected).abs().max().item<float>();
        Assert.True(difference <= 1e-6, $"NetGen's gate differs from the hand-computed one by {difference}");
        Assert.True(x.Equals(before), "the forward changed its input");
        Assert.False(ReferenceEquals(actual, x));
        // The gate is not trivially 1: the output differs from the input.
        Assert.True((actual - x).abs().max().item<float>() > 1e-3);
    }

    [Fact]
    public void Its_keys_are_torchvisions_and_its_summary_counts_its_parameters()
    {
        using var se = new SqueezeExcitation();
        Assert.Equal(["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], se.state_dict().Keys);
        Assert.Equal(se.parameters().Sum(p => p.numel()), SqueezeExcitation.Summary.TotalParameters);
    }
}
