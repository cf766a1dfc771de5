using System.Globalization;
using System.Linq;
using NetGen.Runtime.Tests.OpenWorld;

namespace NetGen.Runtime.Tests.Expressions;

/// <summary>
/// <c>make_divisible</c> in a NetGen expression is torchvision's <c>_make_divisible</c>: the run-time helper the
/// generated code calls gives what torchvision itself computes, for every width multiplier torchvision's
/// MobileNets use and every base width of their tables. (The generator's compile-time copy is checked against
/// this helper in NetGen.Generator.Tests' ExprEvaluatorTests.)
/// </summary>
public sealed class MakeDivisibleTests
{
    [SkippableFact]
    public void The_run_time_helper_equals_torchvisions_make_divisible()
    {
        PythonScripts.SkipUnless("torchvision");
        double[] multipliers = [0.35, 0.5, 0.75, 1.0, 1.3, 1.4, 2.0];
        int[] widths = [16, 24, 32, 40, 48, 64, 80, 96, 112, 160, 320, 576, 960, 1024, 1280];
        var cases = (from m in multipliers from w in widths from d in new[] { 8, 16 } select (Value: w * m, Divisor: d, Minimum: d))
            .Append((Value: 3.0, Divisor: 8, Minimum: 16)).ToList();

        var torchvision = PythonScripts.Run("make_divisible.py",
                cases.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value:R},{c.Divisor},{c.Minimum}")).ToArray())
            .Split('\n').Select(line => int.Parse(line.Trim(), CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(cases.Count, torchvision.Count);
        Assert.Equal(torchvision, cases.Select(c => ExpressionFunctions.MakeDivisible(c.Value, c.Divisor, c.Minimum)));
    }
}
