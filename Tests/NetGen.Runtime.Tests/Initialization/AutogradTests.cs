using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Initialization
{
    /// <summary>
    /// Init works in place on the layer's own Parameter objects: they stay registered, keep requires_grad and
    /// build no autograd history, so an optimizer step afterwards trains them.
    /// </summary>
    public sealed class AutogradTests
    {
        [Fact]
        public void Parameters_keep_identity_and_requires_grad_and_have_no_history()
        {
            using var conv = nn.Conv2d(3, 4, 3);
            var weight = conv.weight;
            var bias = conv.bias!;
            InitApplier.Apply(weight, bias, new InitSpec(InitKind.KaimingNormal, Bias: InitKind.Constant, BiasValue: 0.5));

            Assert.Same(weight, conv.weight);
            Assert.Same(bias, conv.bias);
            Assert.True(weight.requires_grad && bias.requires_grad);
            Assert.True(weight.is_leaf && bias.is_leaf);
            Assert.Null(weight.grad);
        }

        [Fact]
        public void Init_outside_no_grad_is_allowed_on_leaf_parameters()
        {
            // An in-place op on a leaf that requires grad throws unless grad mode is off; the initialisers
            // switch it off themselves, so a caller that forgets no_grad still works.
            using var linear = nn.Linear(6, 3);
            Assert.True(is_grad_enabled());
            foreach (var kind in new[] { InitKind.XavierUniform, InitKind.XavierNormal, InitKind.KaimingUniform,
                         InitKind.KaimingNormal, InitKind.Uniform, InitKind.Normal, InitKind.TruncNormal, InitKind.Constant,
                         InitKind.Zeros, InitKind.Ones, InitKind.Eye, InitKind.Orthogonal, InitKind.Sparse })
                InitApplier.Apply(linear.weight, linear.bias, new InitSpec(kind, Bias: InitKind.Ones, Value: 0.1, Sparsity: 0.5));
            Assert.True(is_grad_enabled());
            Assert.True(linear.weight.requires_grad);
        }

        [Fact]
        public void A_training_step_updates_the_initialised_parameters()
        {
            var conv = nn.Conv2d(1, 4, 3);
            var fc = nn.Linear(4 * 6 * 6, 2);
            using var model = nn.Sequential(conv, nn.ReLU(), nn.Flatten(), fc);
            // The seed's scheme, applied the way generated init_weights() applies it.
            using (no_grad())
            {
                InitApplier.Apply(conv.weight, conv.bias, new InitSpec(InitKind.XavierNormal, Bias: InitKind.Zeros));
                InitApplier.Apply(fc.weight, fc.bias, new InitSpec(InitKind.Normal, Std: 0.01, Bias: InitKind.Zeros));
            }
            var before = model.parameters().Select(p => p.detach().clone()).ToArray();

            using var optimizer = optim.SGD(model.parameters(), 0.1);
            using var x = randn(8, 1, 8, 8);
            using var target = randn(8, 2);
            optimizer.zero_grad();
            using var loss = nn.functional.mse_loss(model.forward(x), target);
            loss.backward();
            optimizer.step();

            var after = model.parameters().ToArray();
            Assert.Equal(before.Length, after.Length);
            for (int i = 0; i < after.Length; i++)
            {
                Assert.NotNull(after[i].grad);
                // allclose with zero tolerance is exact equality (TorchSharp's Tensor.equal is element-wise eq).
                Assert.False(after[i].allclose(before[i], rtol: 0, atol: 0), $"parameter {i} did not change");
            }
        }
    }
}
