using System.Linq;
using NetGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Wiring;

/// <summary>Two shortcuts around members, one conditional with an activation, a class token with a position embedding, and a layer scale.</summary>
[Model(Input = [5, 8])]
public partial class ShortcutTokenNet : nn.Module<Tensor, Tensor>
{
    public partial ShortcutTokenNet(bool inner = true);

    [Parameter(1, 1, 8, Use = ParameterUse.Prepend), Init(InitKind.Normal, Std = 1.0)]
    public partial Parameter cls { get; }

    [Parameter(1, 6, 8, Use = ParameterUse.Add), Init(InitKind.Normal, Std = 1.0)]
    public partial Parameter pos { get; }

    [LayerNorm(8), Residual(Through = nameof(b))]
    public partial LayerNorm a { get; }

    [Linear(8, 8), Residual(When = "inner", Activation = Activation.GELU)]
    public partial Linear b { get; }

    [Parameter(8, Use = ParameterUse.Multiply), Init(InitKind.Normal, Std = 1.0)]
    public partial Parameter scale { get; }

    [Linear(8, 8), Select(1, 0)]
    public partial Linear c { get; }
}

/// <summary>
/// The forms of <c>docs/wiring.md</c>'s last two sections in real TorchSharp: the generated forward computes what the
/// PyTorch expressions they stand for compute by hand from the model's own weights, with the condition on and off, in
/// float32 and float64, and it leaves its input untouched.
/// </summary>
public sealed class ShortcutAndTokenTests
{
    [Theory]
    [InlineData(true, ScalarType.Float32)]
    [InlineData(false, ScalarType.Float32)]
    [InlineData(true, ScalarType.Float64)]
    public void The_forward_is_the_hand_computed_expression(bool inner, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        using var model = new ShortcutTokenNet(inner);
        model.init_weights();
        model.to(dtype).eval();
        var x = randn(new long[] { 3, 5, 8 }, dtype);
        var state = model.state_dict();

        var tokens = cat([state["cls"].expand(3, -1, -1), x], 1) + state["pos"];
        var normed = nn.functional.layer_norm(tokens, [8], state["a.weight"], state["a.bias"]);
        var linear = nn.functional.linear(normed, state["b.weight"], state["b.bias"]);
        var inside = inner ? nn.functional.gelu(linear + normed) : linear;
        var outer = inside + tokens;
        var expected = nn.functional.linear(state["scale"] * outer, state["c.weight"], state["c.bias"]).select(1, 0);

        using var noGrad = no_grad();
        var before = x.clone();
        var actual = model.call(x);

        Assert.Equal(new long[] { 3, 8 }, actual.shape);
        Assert.Equal(dtype, actual.dtype);
        var difference = (actual - expected).abs().max().to(ScalarType.Float64).item<double>();
        Assert.True(difference <= 1e-5, $"the generated forward differs from the hand-computed one by {difference}");
        Assert.True(x.Equals(before), "the forward changed its input");
    }

    /// <summary>
    /// TorchSharp's <c>.to</c> stores a converted parameter in the public property of its name, which a generated
    /// read-only property cannot take; the generated <c>_toEpilog</c> converts the declared parameters first.
    /// </summary>
    [Fact]
    public void To_float64_converts_the_declared_parameters_and_the_properties_see_the_converted_ones()
    {
        using var model = new ShortcutTokenNet();
        model.to(ScalarType.Float64);

        Assert.Equal(ScalarType.Float64, model.cls.dtype);
        Assert.Equal(ScalarType.Float64, model.pos.dtype);
        var state = model.state_dict();
        Assert.Equal(state["cls"].Handle, model.cls.Handle);
        Assert.Equal(state["pos"].Handle, model.pos.Handle);
        Assert.All(state.Values, t => Assert.Equal(ScalarType.Float64, t.dtype));
    }

    [Fact]
    public void The_parameters_are_own_entries_before_the_children_as_in_PyTorch()
    {
        using var model = new ShortcutTokenNet();
        Assert.Equal(["cls", "pos", "scale", "a.weight", "a.bias", "b.weight", "b.bias", "c.weight", "c.bias"], model.state_dict().Keys);
        Assert.Equal(ShortcutTokenNet.Summary.TotalParameters, model.parameters().Sum(p => p.numel()));
    }
}
