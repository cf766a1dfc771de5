using NetGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Wiring;

/// <summary>A partial convolution (FasterNet's PConv): the first <c>keep</c> channels pass, the rest are convolved.</summary>
[Model(Input = ["inp", 6, 6])]
[Split("keep", "inp - keep", When = "partial")]
public partial class PartialConvNet : nn.Module<Tensor, Tensor>
{
    public partial PartialConvNet(int inp = 10, int keep = 7, bool partial = true);

    [Branch, When("!partial"), Conv2d("inp", "inp - keep", 1)]
    public partial Conv2d? squeeze { get; }

    [Branch, Conv2d("partial ? inp - keep : inp", "inp - keep", 3, Padding = 1)]
    public partial Conv2d mixed { get; }
}

/// <summary>
/// <c>[Split]</c> in real TorchSharp: the generated forward is <c>x1, x2 = x.split([keep, inp - keep], 1);
/// cat(x1, mixed(x2))</c>, computed here by hand from the model's own weights, in float32 and float64; with the
/// condition off, both branches take the whole input.
/// </summary>
public sealed class SplitTests
{
    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void The_forward_splits_unevenly_and_concatenates(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = new PartialConvNet();
        model.to(dtype).eval();
        var x = randn(new long[] { 2, 10, 6, 6 }, dtype);
        var state = model.state_dict();

        var pieces = x.split([7, 3], 1);
        var expected = cat([pieces[0], nn.functional.conv2d(pieces[1], state["mixed.weight"], state["mixed.bias"], padding: [1, 1])], 1);

        var output = model.call(x);
        Assert.Equal(new long[] { 2, 10, 6, 6 }, output.shape);
        Assert.True(output.allclose(expected, rtol: 1e-6, atol: 1e-6));
        Assert.Equal(dtype, output.dtype);
        Assert.Equal(new long[] { 2, 10, 6, 6 }, x.shape);
    }

    [Fact]
    public void Without_the_condition_both_branches_take_the_whole_input()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var model = new PartialConvNet(partial: false);
        model.eval();
        var x = randn(new long[] { 1, 10, 6, 6 });
        var state = model.state_dict();

        var expected = cat([
            nn.functional.conv2d(x, state["squeeze.weight"], state["squeeze.bias"]),
            nn.functional.conv2d(x, state["mixed.weight"], state["mixed.bias"], padding: [1, 1])], 1);

        Assert.True(model.call(x).allclose(expected, rtol: 1e-6, atol: 1e-6));
    }

    [Fact]
    public void The_compile_time_summary_gives_each_branch_its_piece()
    {
        var rows = PartialConvNet.Summary.Rows;
        var mixed = Assert.Single(rows, r => r.Path == "mixed");
        Assert.Equal(new long[] { 3, 6, 6 }, mixed.OutputShape);
        Assert.Equal(3 * 3 * 9 + 3, mixed.Parameters);
        Assert.DoesNotContain(rows, r => r.Path == "squeeze");
    }
}
