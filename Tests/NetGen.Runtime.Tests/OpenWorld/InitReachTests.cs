using System;
using System.Linq;
using NetGen.Runtime.Tests.OpenWorld.Models;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// <c>init_weights</c> applies the declared rules inside modules NetGen cannot see into: a hand-written wrapper,
/// a factory-made Sequential, a module field and a TorchSharp LSTM.
/// </summary>
public sealed class InitReachTests(ITestOutputHelper output)
{
    [Fact]
    public void A_type_rule_reaches_the_Linear_layers_inside_a_wrapper_and_a_module_field()
    {
        using var model = new InitReachNet();
        var linears = new[] { "stem", "residual.proj", "refine.proj", "head" };
        var state = model.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        Assert.All(linears, l => Assert.False(state[l + ".weight"].eq(0.25).all().item<bool>(), $"{l} starts at the rule's value"));

        model.init_weights();

        // [Init<Linear>(Constant, Value = 0.25, Bias = Constant, BiasValue = -0.5)] on the model.
        foreach (var layer in linears)
        {
            Assert.True(state[layer + ".weight"].eq(0.25).all().item<bool>(), $"{layer}.weight");
            Assert.True(state[layer + ".bias"].eq(-0.5).all().item<bool>(), $"{layer}.bias");
        }

        // [Init(Ones, Bias = Zeros)] on the factory-made mixer overrides the type rule for every layer inside it.
        foreach (var layer in new[] { "mixer.0", "mixer.2" })
        {
            Assert.True(state[layer + ".weight"].eq(1).all().item<bool>(), $"{layer}.weight");
            Assert.True(state[layer + ".bias"].eq(0).all().item<bool>(), $"{layer}.bias");
        }
    }

    [Fact]
    public void A_random_rule_reaches_the_Linear_inside_the_wrapper_with_the_rules_statistics()
    {
        manual_seed(51);
        using var model = new WrapperNet(features: 256);
        var proj = model.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        using var biasBefore = proj["residual.proj.bias"].detach().clone();
        var stdBefore = proj["residual.proj.weight"].std().item<float>();

        model.init_weights(InitPlan.Empty.With<Linear>(new InitSpec(InitKind.Normal, Std: 0.02)));

        // 65,536 samples: the mean's standard error is 0.02 / 256, the std's about 0.3%.
        var weight = proj["residual.proj.weight"];
        var (mean, std) = (weight.mean().item<float>(), weight.std().item<float>());
        output.WriteLine($"residual.proj.weight: std {stdBefore:F4} as built (kaiming uniform), after Normal(0, 0.02): mean {mean:E2}, std {std:F5}");
        Assert.InRange(mean, -4 * 0.02 / 256, 4 * 0.02 / 256);
        Assert.InRange(std, 0.02 * 0.98, 0.02 * 1.02);
        Assert.True(Math.Abs(stdBefore - 0.02) > 0.01, "the layer was built with another spread, so the rule must have reached it");
        Assert.True(proj["residual.proj.bias"].Equals(biasBefore), "a rule without a bias scheme leaves the bias");
    }

    [Fact]
    public void A_rule_for_a_layer_type_outside_NetGens_attributes_reaches_its_weights_and_biases()
    {
        // An LSTM has no single weight: weight_ih_l0, weight_hh_l0, bias_ih_l0 and bias_hh_l0 all follow the rule.
        using var model = new TextClassifier();

        model.init_weights(InitPlan.Empty.With<LSTM>(new InitSpec(InitKind.Constant, Value: 0.125, Bias: InitKind.Zeros)));

        var lstm = model.named_parameters().Where(p => p.name.StartsWith("rnn.", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, lstm.Count);
        foreach (var (name, parameter) in lstm)
        {
            var expected = name.Contains("weight", StringComparison.Ordinal) ? 0.125 : 0.0;
            Assert.True(parameter.eq(expected).all().item<bool>(), $"{name} is not {expected}");
        }

        Assert.False(model.named_parameters().Single(p => p.name == "head.weight").parameter.eq(0.125).all().item<bool>());
    }
}
