using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>One optimizer parameter group: the parameters of a member and its learning rate.</summary>
    /// <param name="Name">The member path, or <c>rest</c>.</param>
    /// <param name="Parameters">The parameters, in model order.</param>
    /// <param name="LearningRate">The group's learning rate.</param>
    public sealed record ParameterGroup(string Name, IReadOnlyList<Parameter> Parameters, double LearningRate);

    /// <summary>
    /// Builds optimizer parameter groups with a learning rate per member, e.g. 1e-2 for the head and 1e-4 for
    /// everything else:
    /// <code>
    /// var groups = ParameterGroups.For(model).Add(model.fc3, 1e-2).Rest(1e-4);
    /// var optimizer = groups.SGD(momentum: 0.9);
    /// </code>
    /// Each parameter belongs to one group only, as PyTorch requires.
    /// </summary>
    public sealed class ParameterGroups
    {
        private readonly nn.Module _model;
        private readonly List<ParameterGroup> _groups = new();
        private readonly HashSet<Parameter> _taken = new(ReferenceEqualityComparer.Instance);

        private ParameterGroups(nn.Module model) => _model = model;

        /// <summary>Starts building groups for <paramref name="model"/>.</summary>
        public static ParameterGroups For(nn.Module model)
        {
            ArgumentNullException.ThrowIfNull(model);
            return new ParameterGroups(model);
        }

        /// <summary>Adds a group for a member of the model (found by reference, so the call is rename-safe).</summary>
        public ParameterGroups Add(nn.Module member, double learningRate) =>
            AddGroup(ModulePaths.PathOf(_model, member), FreezeExtensions.Distinct(member.parameters()), learningRate);

        /// <summary>Adds a group for every parameter under a module path such as <c>"layer4"</c>.</summary>
        public ParameterGroups Add(string path, double learningRate) =>
            AddGroup(path, FreezeExtensions.Distinct(_model.named_parameters().Where(p => ModulePaths.Covers(path, p.name)).Select(p => p.parameter)), learningRate);

        /// <summary>Adds a group with every parameter not yet grouped (if any), and returns all groups.</summary>
        public IReadOnlyList<ParameterGroup> Rest(double learningRate)
        {
            var rest = FreezeExtensions.Distinct(_model.parameters()).Where(p => !_taken.Contains(p)).ToList();
            if (rest.Count > 0)
            {
                _groups.Add(new ParameterGroup("rest", rest, learningRate));
                _taken.UnionWith(rest);
            }

            return Build();
        }

        /// <summary>The groups added so far; parameters in no group are not optimized.</summary>
        public IReadOnlyList<ParameterGroup> Build() => _groups.ToList();

        private ParameterGroups AddGroup(string name, IEnumerable<Parameter> parameters, double learningRate)
        {
            if (learningRate < 0 || double.IsNaN(learningRate))
            {
                throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "A learning rate is non-negative.");
            }

            var list = parameters.ToList();
            if (list.Count == 0)
            {
                throw new ArgumentException($"'{name}' has no parameters.", nameof(parameters));
            }

            if (list.Any(_taken.Contains))
            {
                throw new ArgumentException($"Some parameters of '{name}' are already in another group.", nameof(parameters));
            }

            _taken.UnionWith(list);
            _groups.Add(new ParameterGroup(name, list, learningRate));
            return this;
        }
    }

    /// <summary>Turns <see cref="ParameterGroup"/> lists into TorchSharp optimizers.</summary>
    public static class ParameterGroupOptimizers
    {
        /// <summary>An SGD optimizer with one TorchSharp parameter group per <see cref="ParameterGroup"/>.</summary>
        public static SGD SGD(this IReadOnlyList<ParameterGroup> groups, double momentum = 0, double weightDecay = 0, bool nesterov = false)
        {
            var paramGroups = groups.Select(g => new SGD.ParamGroup(g.Parameters, lr: g.LearningRate, momentum: momentum, weight_decay: weightDecay, nesterov: nesterov)).ToList();
            return optim.SGD(paramGroups, DefaultRate(groups), momentum, 0, weightDecay, nesterov);
        }

        /// <summary>An Adam optimizer with one TorchSharp parameter group per <see cref="ParameterGroup"/>.</summary>
        public static Adam Adam(this IReadOnlyList<ParameterGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        {
            var paramGroups = groups.Select(g => new Adam.ParamGroup(g.Parameters, g.LearningRate, beta1, beta2, eps, weightDecay)).ToList();
            return optim.Adam(paramGroups, DefaultRate(groups), beta1, beta2, eps, weightDecay);
        }

        /// <summary>An AdamW optimizer with one TorchSharp parameter group per <see cref="ParameterGroup"/>.</summary>
        public static AdamW AdamW(this IReadOnlyList<ParameterGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01)
        {
            var paramGroups = groups.Select(g => new AdamW.ParamGroup(g.Parameters, g.LearningRate, beta1, beta2, eps, weightDecay)).ToList();
            return optim.AdamW(paramGroups, DefaultRate(groups), beta1, beta2, eps, weightDecay);
        }

        private static double DefaultRate(IReadOnlyList<ParameterGroup> groups) =>
            groups.Count > 0 ? groups[^1].LearningRate : throw new ArgumentException("No parameter groups.", nameof(groups));
    }
}
