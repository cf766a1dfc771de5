using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Runtime.Tests.Initialization.Support;

namespace NetGen.Runtime.Tests.Initialization
{
    /// <summary>
    /// NetGen's managed erf (used for trunc_normal_'s bounds and by these tests' normal CDF) against Python's
    /// math.erf, i.e. C's erf, at the points in Fixtures/init/erf.json.
    /// </summary>
    public sealed class ErfTests
    {
        // The fixture's row number is part of each case: xunit names a case by its arguments' text, so rows such
        // as 0.0 and -0.0 would otherwise share a name and all but one would be dropped as duplicates.
        public static IEnumerable<object[]> PythonErf() =>
            InitFixtures.Rows("erf").Select((r, row) => new object[] { row, r.GetProperty("x").GetDouble(), r.GetProperty("erf").GetDouble() });

        [Theory]
        [MemberData(nameof(PythonErf))]
        public void Erf_is_within_8_ulp_of_C(int row, double x, double expected)
        {
            double actual = StandardNormal.Erf(x);
            double ulp = Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
            Assert.True(Math.Abs(actual - expected) <= 8 * Math.Max(ulp, double.Epsilon),
                $"row {row}: erf({x:R}) = {actual:R}, C gives {expected:R} ({Math.Abs(actual - expected) / ulp:F1} ulp)");
        }

        [Fact]
        public void Erf_is_odd_and_saturates()
        {
            Assert.Equal(0.0, StandardNormal.Erf(0.0));
            Assert.Equal(-StandardNormal.Erf(0.7), StandardNormal.Erf(-0.7));
            Assert.Equal(1.0, StandardNormal.Erf(double.PositiveInfinity));
            Assert.Equal(-1.0, StandardNormal.Erf(double.NegativeInfinity));
            Assert.True(double.IsNaN(StandardNormal.Erf(double.NaN)));
        }
    }
}
