using System;
using System.Linq;
using NetGen.Runtime.Tests.Initialization.Support;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Initialization
{
    /// <summary>
    /// InitApplier maps each InitSpec to the right initialiser with PyTorch's defaults for unset (NaN)
    /// arguments. Where the scheme is random, the check is that the applier draws exactly what the direct call
    /// draws from the same seed, which pins every argument.
    /// </summary>
    [Collection(GlobalGeneratorCollection.Name)]
    public sealed class InitApplierTests
    {
        private static void AssertSameDraw(InitSpec spec, Action<Tensor> direct, params long[] shape)
        {
            manual_seed(17);
            using var viaApplier = empty(shape);
            InitApplier.Apply(viaApplier, null, spec);
            manual_seed(17);
            using var viaCall = empty(shape);
            direct(viaCall);
            Assert.True(viaApplier.bytes.SequenceEqual(viaCall.bytes), $"{spec} does not draw what the direct call draws");
        }

        [Fact]
        public void Unset_arguments_take_PyTorch_defaults()
        {
            AssertSameDraw(new(InitKind.XavierUniform), t => Initializers.xavier_uniform_(t, 1.0), 6, 5);
            AssertSameDraw(new(InitKind.XavierNormal), t => Initializers.xavier_normal_(t, 1.0), 6, 5);
            AssertSameDraw(new(InitKind.KaimingUniform), t => Initializers.kaiming_uniform_(t, 0, FanMode.FanIn, Nonlinearity.LeakyReLU), 6, 5);
            AssertSameDraw(new(InitKind.KaimingNormal), t => Initializers.kaiming_normal_(t, 0, FanMode.FanIn, Nonlinearity.LeakyReLU), 6, 5);
            AssertSameDraw(new(InitKind.Uniform), t => Initializers.uniform_(t, 0, 1), 6, 5);
            AssertSameDraw(new(InitKind.Normal), t => Initializers.normal_(t, 0, 1), 6, 5);
            AssertSameDraw(new(InitKind.TruncNormal), t => Initializers.trunc_normal_(t, 0, 1, -2, 2), 6, 5);
            AssertSameDraw(new(InitKind.Orthogonal), t => Initializers.orthogonal_(t, 1), 6, 5);
            AssertSameDraw(new(InitKind.Sparse, Sparsity: 0.5), t => Initializers.sparse_(t, 0.5, 0.01), 6, 5);
        }

        [Fact]
        public void Set_arguments_are_passed_through()
        {
            AssertSameDraw(new(InitKind.XavierNormal, Gain: 3), t => Initializers.xavier_normal_(t, 3), 6, 5);
            AssertSameDraw(new(InitKind.KaimingUniform, A: 0.3, Mode: FanMode.FanOut, Nonlinearity: Nonlinearity.Tanh),
                t => Initializers.kaiming_uniform_(t, 0.3, FanMode.FanOut, Nonlinearity.Tanh), 6, 5);
            AssertSameDraw(new(InitKind.KaimingNormal, A: 0.3, Mode: FanMode.FanOut, Nonlinearity: Nonlinearity.LeakyReLU),
                t => Initializers.kaiming_normal_(t, 0.3, FanMode.FanOut, Nonlinearity.LeakyReLU), 6, 5);
            AssertSameDraw(new(InitKind.Uniform, A: -3, B: -1), t => Initializers.uniform_(t, -3, -1), 6, 5);
            AssertSameDraw(new(InitKind.Normal, Mean: 4, Std: 0.5), t => Initializers.normal_(t, 4, 0.5), 6, 5);
            AssertSameDraw(new(InitKind.TruncNormal, Mean: 1, Std: 3, A: 0, B: 2), t => Initializers.trunc_normal_(t, 1, 3, 0, 2), 6, 5);
            AssertSameDraw(new(InitKind.Orthogonal, Gain: 0.5), t => Initializers.orthogonal_(t, 0.5), 6, 5);
            AssertSameDraw(new(InitKind.Sparse, Sparsity: 0.2, Std: 2), t => Initializers.sparse_(t, 0.2, 2), 6, 5);
        }

        [Fact]
        public void Deterministic_kinds_fill_weight_and_bias()
        {
            using var w = empty(4, 4, 3);
            using var b = empty(4);
            InitApplier.Apply(w, b, new InitSpec(InitKind.Constant, Value: 0.3, Bias: InitKind.Constant, BiasValue: -2));
            Assert.All(SampleStatistics.Values(w), v => Assert.Equal(0.3f, (float)v));
            Assert.All(SampleStatistics.Values(b), v => Assert.Equal(-2.0, v));

            InitApplier.Apply(w, b, new InitSpec(InitKind.Dirac, Bias: InitKind.Ones));
            Assert.Equal(4.0, SampleStatistics.Values(w).Sum());
            Assert.All(SampleStatistics.Values(b), v => Assert.Equal(1.0, v));

            InitApplier.Apply(w, b, new InitSpec(InitKind.Zeros, Bias: InitKind.Zeros));
            Assert.All(SampleStatistics.Values(w).Concat(SampleStatistics.Values(b)), v => Assert.Equal(0.0, v));

            using var square = empty(3, 3);
            InitApplier.Apply(square, null, new InitSpec(InitKind.Eye));
            Assert.Equal(new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, SampleStatistics.Values(square));
            InitApplier.Apply(square, null, new InitSpec(InitKind.Ones));
            Assert.All(SampleStatistics.Values(square), v => Assert.Equal(1.0, v));
        }

        [Fact]
        public void Dirac_groups_are_passed_through()
        {
            using var w = empty(4, 1, 3);
            InitApplier.Apply(w, null, new InitSpec(InitKind.Dirac, Groups: 4));
            Assert.Equal(4.0, SampleStatistics.Values(w).Sum());   // with groups = 1 only channel 0 would be set
        }

        [Fact]
        public void Default_kinds_and_missing_parameters_leave_everything_untouched()
        {
            using var w = full(3, 2, 5.0f);
            using var b = full(3, 5.0f);
            InitApplier.Apply(w, b, new InitSpec(InitKind.Default));
            InitApplier.Apply(null, b, new InitSpec(InitKind.Ones));
            InitApplier.Apply(w, null, new InitSpec(InitKind.Default, Bias: InitKind.Zeros));
            InitApplier.Apply(null, null, new InitSpec(InitKind.Normal, Bias: InitKind.Zeros));
            Assert.All(SampleStatistics.Values(w).Concat(SampleStatistics.Values(b)), v => Assert.Equal(5.0, v));
        }

        [Fact]
        public void Required_and_unsupported_arguments_are_reported()
        {
            using var w = empty(3, 2);
            using var b = empty(3);
            Assert.Contains("Value", Assert.Throws<ArgumentException>(() => InitApplier.Apply(w, null, new InitSpec(InitKind.Constant))).Message);
            Assert.Contains("Sparsity", Assert.Throws<ArgumentException>(() => InitApplier.Apply(w, null, new InitSpec(InitKind.Sparse))).Message);
            Assert.Contains("bias", Assert.Throws<ArgumentException>(() => InitApplier.Apply(w, b, new InitSpec(InitKind.Default, Bias: InitKind.Normal))).Message);
            Assert.ThrowsAny<ArgumentException>(() => InitApplier.Apply(w, null, new InitSpec((InitKind)99)));
        }

        [Fact]
        public void Spec_has_every_attribute_member_with_the_same_default()
        {
            // The generator copies attribute arguments into InitSpec by name; a member missing here, or a
            // different default, would silently change a scheme.
            var attribute = new InitAttribute(InitKind.Normal);
            var spec = new InitSpec(InitKind.Normal);
            var members = typeof(InitSpecAttribute).GetProperties().Where(p => p.DeclaringType == typeof(InitSpecAttribute));
            foreach (var member in members)
            {
                var twin = typeof(InitSpec).GetProperty(member.Name);
                Assert.True(twin is not null && twin.PropertyType == member.PropertyType, $"InitSpec lacks {member.PropertyType.Name} {member.Name}");
                Assert.Equal(member.GetValue(attribute), twin!.GetValue(spec));
            }
            Assert.Equal(new InitSpec(InitKind.Normal), spec);   // NaN members still compare equal
        }
    }
}
