using System;
using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// The init rules in force at one point of a model tree: a rule per TorchSharp layer type, and
    /// optionally one rule for every layer (a member-level <c>[Init]</c> on a container). Immutable; a model
    /// overlays its own rules on what its parent passed down. Layers are matched by their exact type and
    /// their tensors reached through TorchSharp's typed properties, so no reflection is involved.
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

        /// <summary>Initialises one layer's own weight and bias, if a rule covers it.</summary>
        public void ApplyLayer(nn.Module layer)
        {
            var (weight, bias) = TensorsOf(layer);
            if (weight is null && bias is null)
            {
                return;
            }

            InitSpec spec;
            if (_everyLayer is { } every)
            {
                spec = every;
            }
            else if (!_byLayerType.TryGetValue(layer.GetType(), out spec))
            {
                return;
            }

            using (no_grad())
            {
                InitApplier.Apply(weight, bias, spec);
            }
        }

        /// <summary>The learnable tensors of the layers NetGen declares.</summary>
        private static (Tensor? Weight, Tensor? Bias) TensorsOf(nn.Module layer) => layer switch
        {
            Conv1d c => (c.weight, c.bias),
            Conv2d c => (c.weight, c.bias),
            ConvTranspose2d c => (c.weight, c.bias),
            Linear l => (l.weight, l.bias),
            BatchNorm1d b => (b.weight, b.bias),
            BatchNorm2d b => (b.weight, b.bias),
            LayerNorm n => (n.weight, n.bias),
            GroupNorm g => (g.weight, g.bias),
            Embedding e => (e.weight, null),
            _ => (null, null),
        };
    }
}
