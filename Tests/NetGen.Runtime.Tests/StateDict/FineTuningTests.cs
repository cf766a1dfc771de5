using System;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    public sealed class FineTuningTests
    {
        [Fact]
        public void Two_parameter_groups_move_at_their_own_rates_and_frozen_parameters_do_not_move()
        {
            manual_seed(31);
            using var model = new SeedNet(classes: 10);
            model.conv1.Freeze();
            var groups = ParameterGroups.For(model).Add(model.fc3, 1e-1).Rest(1e-3);
            using var optimizer = groups.SGD();
            var before = Fixtures.SnapshotState(model);

            optimizer.zero_grad();
            using (var loss = model.forward(randn(4, 3, 16, 16)).pow(2).sum())
            {
                loss.backward();
            }

            optimizer.step();

            Assert.Equal(["fc3", "rest"], groups.Select(g => g.Name));
            Assert.Equal(8, groups[1].Parameters.Count);
            Assert.True(model.conv1.IsFrozen());
            Assert.True(model.conv1.weight!.Equals(before["conv1.weight"]));
            AssertStep(model.fc3.weight!, before["fc3.weight"], 1e-1);
            AssertStep(model.fc3.bias!, before["fc3.bias"], 1e-1);
            AssertStep(model.conv2.weight!, before["conv2.weight"], 1e-3);
            AssertStep(model.fc1.weight!, before["fc1.weight"], 1e-3);
        }

        [Fact]
        public void Unfreeze_restores_gradients_and_FreezeAllExcept_keeps_only_the_head_trainable()
        {
            using var model = new SeedNet(classes: 10);

            model.FreezeAllExcept(model.fc3);
            Assert.True(model.conv1.IsFrozen() && model.fc2.IsFrozen());
            Assert.False(model.fc3.IsFrozen());

            model.fc2.Unfreeze();
            Assert.True(model.fc2.weight!.requires_grad);
            Assert.True(model.fc1.IsFrozen());
        }

        [Fact]
        public void Adam_gets_one_group_per_member_with_its_learning_rate()
        {
            using var model = new SeedNet(classes: 10);

            using var adam = ParameterGroups.For(model).Add(model.fc3, 1e-2).Rest(1e-4).Adam();

            Assert.Equal([1e-2, 1e-4], adam.ParamGroups.Select(g => g.LearningRate));
        }

        [Fact]
        public void A_parameter_cannot_be_in_two_groups()
        {
            using var model = new SeedNet(classes: 10);

            var builder = ParameterGroups.For(model).Add(model.fc3, 1e-2);

            Assert.Throws<ArgumentException>(() => builder.Add("fc3", 1e-3));
            Assert.Throws<ArgumentException>(() => builder.Add(new SeedNet().fc1, 1e-3));
        }

        /// <summary>Plain SGD: the change is exactly -lr * grad.</summary>
        private static void AssertStep(Tensor now, Tensor before, double learningRate)
        {
            using var expected = before - learningRate * now.grad!;
            Assert.True(now.detach().allclose(expected, rtol: 1e-5, atol: 1e-7), $"max diff {(now.detach() - expected).abs().max().item<float>()}");
            Assert.False(now.Equals(before));
        }
    }
}
