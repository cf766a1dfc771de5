using System;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Initialization
{
    /// <summary>Bad input fails up front with an ArgumentException that says what was wrong.</summary>
    public sealed class ArgumentValidationTests
    {
        private static void AssertRejected(Action call, string expectedText)
        {
            var e = Assert.ThrowsAny<ArgumentException>(call);
            Assert.Contains(expectedText, e.Message);
        }

        [Fact]
        public void Schemes_that_need_fans_reject_one_dimensional_tensors()
        {
            using var bias = empty(8);
            AssertRejected(() => Initializers.xavier_uniform_(bias), "fewer than 2 dimensions");
            AssertRejected(() => Initializers.xavier_normal_(bias), "fewer than 2 dimensions");
            AssertRejected(() => Initializers.kaiming_uniform_(bias), "fewer than 2 dimensions");
            AssertRejected(() => Initializers.kaiming_normal_(bias), "fewer than 2 dimensions");
            AssertRejected(() => Initializers.orthogonal_(bias), "2 or more dimensions");
        }

        [Fact]
        public void Shape_specific_schemes_reject_other_ranks()
        {
            using var cube = empty(2, 3, 4);
            using var matrix = empty(2, 3);
            AssertRejected(() => Initializers.eye_(cube), "2-D");
            AssertRejected(() => Initializers.sparse_(cube, 0.5), "2-D");
            AssertRejected(() => Initializers.dirac_(matrix), "3-, 4- or 5-D");
            using var six = empty(new long[] { 1, 1, 1, 1, 1, 1 });
            AssertRejected(() => Initializers.dirac_(six), "3-, 4- or 5-D");
        }

        [Fact]
        public void Out_of_range_arguments_are_rejected()
        {
            using var t = empty(6, 4, 3);
            using var m = empty(6, 4);
            AssertRejected(() => Initializers.dirac_(t, groups: 4), "divisible by groups");
            AssertRejected(() => Initializers.dirac_(t, groups: 0), "groups >= 1");
            AssertRejected(() => Initializers.uniform_(t, 1, 0), "a <= b");
            AssertRejected(() => Initializers.normal_(t, 0, -1), "std >= 0");
            AssertRejected(() => Initializers.trunc_normal_(t, 0, 0), "std > 0");
            AssertRejected(() => Initializers.trunc_normal_(t, 0, 1, 2, -2), "a <= b");
            AssertRejected(() => Initializers.sparse_(m, 1.5), "sparsity");
            AssertRejected(() => Initializers.sparse_(m, double.NaN), "sparsity");
            AssertRejected(() => Initializers.normal_(t, double.NaN), "finite");
            AssertRejected(() => Initializers.kaiming_uniform_(m, mode: (FanMode)7), "Mode");
            AssertRejected(() => Initializers.calculate_gain((Nonlinearity)99), "nonlinearity");
            AssertRejected(() => Initializers.calculate_gain(Nonlinearity.LeakyReLU, double.NaN), "finite");
        }

        [Fact]
        public void Random_schemes_reject_integer_tensors()
        {
            using var ints = zeros(new long[] { 4, 4 }, ScalarType.Int64);
            AssertRejected(() => Initializers.normal_(ints), "floating-point");
            AssertRejected(() => Initializers.kaiming_uniform_(ints), "floating-point");
            // Deterministic fills are fine on any dtype, as in PyTorch.
            Assert.Equal(16, Initializers.ones_(ints).sum().item<long>());
        }

        [Fact]
        public void Null_tensor_is_rejected()
        {
            Assert.Throws<ArgumentNullException>(() => Initializers.zeros_(null!));
            Assert.Throws<ArgumentNullException>(() => Initializers.normal_(null!));
        }

        [Fact]
        public void Zero_element_tensors_are_left_alone()
        {
            using var empty2d = empty(0, 5);
            Assert.Same(empty2d, Initializers.kaiming_normal_(empty2d));
            Assert.Same(empty2d, Initializers.xavier_uniform_(empty2d));
            Assert.Same(empty2d, Initializers.orthogonal_(empty2d));
        }
    }
}
