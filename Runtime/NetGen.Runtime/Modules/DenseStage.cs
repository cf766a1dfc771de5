using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Dense concatenation, as torchvision's DenseNet <c>_DenseBlock</c> wires it: each layer receives the channel-wise
    /// concatenation of the stage's input and every earlier layer's output, and the stage returns the concatenation of
    /// all of them. Its layers are registered under their names (<c>denselayer1</c>, …), so the keys are torchvision's.
    /// NetGen builds it for <c>[DenseBlock&lt;T&gt;]</c>; it can be built by hand with <see cref="Add"/>.
    /// </summary>
    public sealed class DenseStage : nn.Module<Tensor, Tensor>
    {
        private readonly List<nn.Module<Tensor, Tensor>> _layers = new();

        /// <summary>An empty stage; <see cref="Add"/> appends its layers.</summary>
        public DenseStage()
            : base(nameof(DenseStage))
        {
        }

        /// <summary><paramref name="count"/> layers named <c>prefix + (firstNumber + i)</c>, layer <c>i</c> made by <paramref name="create"/>.</summary>
        public static DenseStage Of(int count, string prefix, int firstNumber, Func<int, nn.Module<Tensor, Tensor>> create)
        {
            var stage = new DenseStage();
            for (var i = 0; i < count; i++)
            {
                stage.Add(prefix + (firstNumber + i).ToString(System.Globalization.CultureInfo.InvariantCulture), create(i));
            }

            return stage;
        }

        /// <summary>Appends a layer under <paramref name="name"/>.</summary>
        public DenseStage Add(string name, nn.Module<Tensor, Tensor> layer)
        {
            register_module(name, layer);
            _layers.Add(layer);
            return this;
        }

        /// <summary>The layers, in order.</summary>
        public IReadOnlyList<nn.Module<Tensor, Tensor>> Layers => _layers;

        /// <inheritdoc />
        public override Tensor forward(Tensor input)
        {
            var features = new List<Tensor>(_layers.Count + 1) { input };
            try
            {
                foreach (var layer in _layers)
                {
                    using var concatenated = torch.cat(features, 1);
                    features.Add(layer.call(concatenated));
                }

                return torch.cat(features, 1);
            }
            finally
            {
                // The input is the caller's; the layers' outputs are this stage's own.
                for (var i = 1; i < features.Count; i++)
                {
                    features[i].Dispose();
                }
            }
        }

        /// <summary>Does nothing: every layer is registered by name in <see cref="Add"/>.</summary>
        protected override void RegisterComponents()
        {
        }
    }
}
