using System;
using NetGen.Runtime.Tests.Initialization.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Initialization
{
    /// <summary>
    /// Randomness comes only from TorchSharp's global generator: the same seed before construction and init
    /// gives bit-identical weights, a different seed different ones.
    /// </summary>
    [Collection(GlobalGeneratorCollection.Name)]
    public sealed class DeterminismTests
    {
        // A small model built by hand the way generated code builds one, then initialised through
        // InitApplier with one rule per layer that together use every random scheme.
        private sealed class Model : IDisposable
        {
            public readonly nn.Module[] Layers =
            [
                nn.Conv2d(3, 8, 3), nn.Conv2d(8, 8, 3), nn.Linear(32, 16), nn.Linear(16, 16), nn.Linear(16, 16),
                nn.Linear(16, 16), nn.Linear(16, 16), nn.Linear(16, 16), nn.Linear(16, 16), nn.Linear(16, 8),
            ];

            private static readonly InitSpec[] Rules =
            [
                new(InitKind.XavierNormal, Bias: InitKind.Zeros),
                new(InitKind.XavierUniform, Gain: 2),
                new(InitKind.KaimingNormal, Mode: FanMode.FanOut, Nonlinearity: Nonlinearity.ReLU),
                new(InitKind.KaimingUniform, A: 0.1),
                new(InitKind.Normal, Std: 0.01, Bias: InitKind.Zeros),
                new(InitKind.Uniform, A: -0.1, B: 0.1),
                new(InitKind.TruncNormal, Std: 0.02, A: -0.04, B: 0.04),
                new(InitKind.Orthogonal, Gain: 1.5),
                new(InitKind.Sparse, Sparsity: 0.25),
                new(InitKind.Default),   // keeps TorchSharp's own default init, itself seeded
            ];

            public void InitWeights()
            {
                using var _ = no_grad();
                for (int i = 0; i < Layers.Length; i++)
                    InitApplier.Apply(Layers[i].get_parameter("weight"), Layers[i].get_parameter("bias"), Rules[i]);
            }

            public byte[] Bytes()
            {
                using var scope = NewDisposeScope();
                var stream = new System.IO.MemoryStream();
                foreach (var layer in Layers)
                    foreach (var p in layer.parameters())
                        stream.Write(p.detach().contiguous().bytes);
                return stream.ToArray();
            }

            public void Dispose()
            {
                foreach (var layer in Layers) layer.Dispose();
            }
        }

        private static byte[] ConstructAndInit(long seed)
        {
            manual_seed(seed);
            using var model = new Model();
            model.InitWeights();
            return model.Bytes();
        }

        [Fact]
        public void Same_seed_gives_bit_identical_weights()
        {
            Assert.Equal(ConstructAndInit(42), ConstructAndInit(42));
        }

        [Fact]
        public void Different_seeds_give_different_weights()
        {
            Assert.NotEqual(ConstructAndInit(42), ConstructAndInit(43));
        }

        [Theory]
        [InlineData(InitKind.XavierUniform)]
        [InlineData(InitKind.XavierNormal)]
        [InlineData(InitKind.KaimingUniform)]
        [InlineData(InitKind.KaimingNormal)]
        [InlineData(InitKind.Uniform)]
        [InlineData(InitKind.Normal)]
        [InlineData(InitKind.TruncNormal)]
        [InlineData(InitKind.Orthogonal)]
        [InlineData(InitKind.Sparse)]
        public void Each_random_scheme_is_reproducible_and_seed_sensitive(InitKind kind)
        {
            var spec = new InitSpec(kind, Sparsity: 0.5);
            byte[] Draw(long seed)
            {
                manual_seed(seed);
                using var t = empty(24, 10);
                InitApplier.Apply(t, null, spec);
                return t.bytes.ToArray();
            }
            Assert.Equal(Draw(1), Draw(1));
            Assert.NotEqual(Draw(1), Draw(2));
        }
    }
}
