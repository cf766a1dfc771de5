using System;
using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// The init rules in force at one point of a model tree: a rule per TorchSharp layer type, and
    /// optionally one rule for every layer (a member-level <c>[Init]</c> on a container). Immutable; a model
    /// overlays its own rules on what its parent passed down. Layers are matched by their exact type. The
    /// tensors of NetGen's own layers are reached through TorchSharp's typed properties; any other module's
    /// (an LSTM, a user's layer) are its own parameters named as PyTorch names weights and biases, so a rule for
    /// such a type is applied too, never dropped. No reflection is involved.
    /// </summary>
    public sealed class InitPlan
    {
        /// <summary>No rules: every layer keeps PyTorch's default initialisation.</summary>
        public static readonly InitPlan Empty = new(new Dictionary<Type, InitSpec>(), null);

        private readonly IReadOnlyDictionary<Type, InitSpec> _byLayerType;
        private readonly InitSpec? _everyLayer;

        private InitPlan(IReadOnlyDictionary<Type, InitSpec> byLayerType, InitSpec? everyLayer)
        {
            _byLayerType = byLayerType;
            _everyLayer = everyLayer;
        }

        /// <summary>This plan with <paramref name="spec"/> as the rule for layers of type <typeparamref name="TLayer"/>.</summary>
        public InitPlan With<TLayer>(InitSpec spec)
            where TLayer : nn.Module
        {
            var rules = new Dictionary<Type, InitSpec>();
            foreach (var pair in _byLayerType)
            {
                rules[pair.Key] = pair.Value;
            }

            rules[typeof(TLayer)] = spec;
            return new InitPlan(rules, _everyLayer);
        }

        /// <summary>A plan that applies <paramref name="spec"/> to every layer with a weight (a member-level override).</summary>
        public InitPlan ForEveryLayer(InitSpec spec) => new(_byLayerType, spec);

        /// <summary>Initialises <paramref name="module"/> and everything under it.</summary>
        public void ApplyTree(nn.Module module)
        {
            if (module is IInitWeights generated)
            {
                generated.init_weights(this);
                return;
            }

            ApplyLayer(module);
            foreach (var (_, child) in module.named_children())
            {
                ApplyTree(child);
            }
        }

        /// <summary>Initialises a learnable tensor of a model itself (a <c>[Parameter]</c> member) by its member's rule.</summary>
        public static void ApplyParameter(Tensor parameter, InitSpec spec)
        {
            using (no_grad())
            {
                InitApplier.Apply(parameter, null, spec);
            }
        }

        /// <summary>Initialises one layer's own weights and biases, if a rule covers it.</summary>
        public void ApplyLayer(nn.Module layer)
        {
            InitSpec spec;
            if (_everyLayer is { } every)
            {
                spec = every;
            }
            else if (!_byLayerType.TryGetValue(layer.GetType(), out spec))
            {
                return;
            }

            var tensors = TensorsOf(layer);
            using (no_grad())
            {
                foreach (var (weight, bias) in tensors)
                {
                    InitApplier.Apply(weight, bias, spec);
                }
            }
        }

        /// <summary>The learnable tensors of a layer, as (weight, bias) pairs; none when it has no weight or bias of its own.</summary>
        private static IReadOnlyList<(Tensor? Weight, Tensor? Bias)> TensorsOf(nn.Module layer) => layer switch
        {
            Conv1d c => Pair(c.weight, c.bias),
            Conv2d c => Pair(c.weight, c.bias),
            ConvTranspose2d c => Pair(c.weight, c.bias),
            Linear l => Pair(l.weight, l.bias),
            BatchNorm1d b => Pair(b.weight, b.bias),
            BatchNorm2d b => Pair(b.weight, b.bias),
            LayerNorm n => Pair(n.weight, n.bias),
            GroupNorm g => Pair(g.weight, g.bias),
            Embedding e => Pair(e.weight, null),
            _ => NamedWeightsAndBiases(layer),
        };

        private static IReadOnlyList<(Tensor? Weight, Tensor? Bias)> Pair(Tensor? weight, Tensor? bias) =>
            weight is null && bias is null ? Array.Empty<(Tensor?, Tensor?)>() : new[] { (weight, bias) };

        /// <summary>
        /// A module outside NetGen's layers: each of its own parameters named like a weight (<c>weight</c>,
        /// <c>weight_ih_l0</c>, <c>in_proj_weight</c>) by the weight scheme, each named like a bias by the bias scheme.
        /// </summary>
        private static IReadOnlyList<(Tensor? Weight, Tensor? Bias)> NamedWeightsAndBiases(nn.Module layer)
        {
            var tensors = new List<(Tensor? Weight, Tensor? Bias)>();
            foreach (var (name, parameter) in layer.named_parameters(recurse: false))
            {
                if (IsNamed(name, "weight"))
                {
                    tensors.Add((parameter, null));
                }
                else if (IsNamed(name, "bias"))
                {
                    tensors.Add((null, parameter));
                }
            }

            return tensors;
        }

        private static bool IsNamed(string name, string kind) =>
            name == kind || name.StartsWith(kind + "_", StringComparison.Ordinal) || name.EndsWith("_" + kind, StringComparison.Ordinal);
    }
}
