using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Runtime.Tests.Initialization.Support;

namespace NetGen.Runtime.Tests.Initialization
{
    /// <summary>calculate_gain against real PyTorch (Fixtures/init/gains.json, from make_init_fixtures.py).</summary>
    public sealed class GainTests
    {
        public static IEnumerable<object?[]> PyTorchGains() =>
            InitFixtures.Rows("gains").Select(r => new object?[]
            {
                r.GetProperty("nonlinearity").GetString(),
                r.GetProperty("param").ValueKind == System.Text.Json.JsonValueKind.Null ? null : r.GetProperty("param").GetDouble(),
                r.GetProperty("gain").GetDouble(),
            });

        [Theory]
        [MemberData(nameof(PyTorchGains))]
        public void Gain_equals_PyTorch(string nonlinearity, double? param, double pytorchGain)
        {
            var kind = Enum.Parse<Nonlinearity>(nonlinearity);
            // The same correctly rounded double operations as PyTorch, so exactly the same double.
            Assert.Equal(pytorchGain, Initializers.calculate_gain(kind, param));
        }

        [Fact]
        public void Fixture_covers_every_nonlinearity_and_several_leaky_slopes()
        {
            var rows = PyTorchGains().ToArray();
            var covered = rows.Select(r => Enum.Parse<Nonlinearity>((string)r[0]!)).Distinct();
            Assert.Equal(Enum.GetValues<Nonlinearity>().OrderBy(n => n), covered.OrderBy(n => n));
            Assert.True(rows.Count(r => (string)r[0]! == nameof(Nonlinearity.LeakyReLU) && r[1] is not null) >= 5);
        }

        [Fact]
        public void Leaky_relu_default_slope_is_0_01()
        {
            Assert.Equal(Math.Sqrt(2.0 / (1 + 0.01 * 0.01)), Initializers.calculate_gain(Nonlinearity.LeakyReLU));
        }
    }
}
