using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Expressions;

namespace NetGen.Generator.Tests.Expressions;

/// <summary>
/// The expression language on its own: parsing, types, and compile-time values, each compared with what C#
/// itself computes for the same expression (the generated code is that C#).
/// </summary>
public sealed class ExprEvaluatorTests
{
    private static readonly Dictionary<string, (string Type, ExprValue Value)> Parameters = new()
    {
        ["planes"] = ("int", ExprValue.Of(64, ExprType.Int)),
        ["stride"] = ("int", ExprValue.Of(2, ExprType.Int)),
        ["big"] = ("long", ExprValue.Of(long.MaxValue, ExprType.Long)),
        ["width"] = ("double", ExprValue.Of(0.75)),
        ["flag"] = ("bool", ExprValue.Of(true)),
        ["free"] = ("int", ExprValue.Unknown(ExprType.Int)),
        ["sym"] = ("int", ExprValue.Symbolic("sym", ExprType.Int)),
    };

    private static ExprValue Evaluate(string text)
    {
        var expr = ExprParser.Parse(text, out var error) ?? throw new InvalidOperationException(error);
        Assert.NotNull(ExprChecker.Check(expr, n => Parameters.TryGetValue(n, out var p) ? p.Type : null, out var typeError));
        Assert.Null(typeError);
        return ExprEvaluator.Evaluate(expr, n => Parameters[n].Value);
    }

    [Fact]
    public void Integer_arithmetic_is_CSharps_with_its_precedence()
    {
        int planes = 64, stride = 2;
        Assert.Equal(planes * 4, Evaluate("planes * 4").Integer);
        Assert.Equal((3 - 1) / 2, Evaluate("(3 - 1) / 2").Integer);
        Assert.Equal(planes + stride * 3 - planes / stride % 5, Evaluate("planes + stride * 3 - planes / stride % 5").Integer);
        Assert.Equal(-7 / 2, Evaluate("-7 / 2").Integer);
        Assert.Equal(-7 % 2, Evaluate("-7 % 2").Integer);
        Assert.Equal(Math.Max(planes, stride * 40), Evaluate("max(planes, stride * 40)").Integer);
        Assert.Equal(ExprType.Int, Evaluate("planes * 4").Type);
    }

    [Fact]
    public void Conditions_and_mixed_numbers_follow_CSharp()
    {
        int planes = 64, stride = 2;
        var inplanes = 256;
        Assert.Equal(stride != 1 || inplanes != planes * 4, Evaluate("stride != 1 || 256 != planes * 4").AsBool);
        Assert.Equal(stride == 1 && planes == 64, Evaluate("stride == 1 && planes == 64").AsBool);
        Assert.Equal(planes * 0.75, Evaluate("planes * width").Real);
        Assert.Equal(ExprType.Double, Evaluate("planes * width").Type);
        Assert.Equal(true ? planes : stride, Evaluate("flag ? planes : stride").Integer);
    }

    [Fact]
    public void Overflow_and_division_by_zero_are_certain_errors()
    {
        Assert.Equal(ExprErrorKind.Overflow, Evaluate("planes * 1000000 * 1000").Error!.Kind);
        Assert.Equal(ExprErrorKind.Overflow, Evaluate("big + 1").Error!.Kind);
        Assert.Equal(ExprErrorKind.DivisionByZero, Evaluate("planes / (stride - 2)").Error!.Kind);
        // Certain even when the dividend is unknown.
        Assert.Equal(ExprErrorKind.DivisionByZero, Evaluate("free % 0").Error!.Kind);
        // With a long factor the same product fits, as in C#.
        var planes = 64;
        Assert.Equal(planes * 1000000 * 10000000000L / 10000000, Evaluate("planes * 1000000 * 10000000000 / 10000000").Integer);
        Assert.Equal(ExprType.Long, Evaluate("planes * 1000000 * 10000000000 / 10000000").Type);
    }

    [Fact]
    public void Unknown_values_never_cause_errors_and_short_circuits_skip_what_CSharp_skips()
    {
        Assert.Equal(ExprValueKind.Unknown, Evaluate("planes / free").Kind);
        Assert.Equal(ExprValueKind.Unknown, Evaluate("free > 0 ? planes / (stride - 2) : 1").Kind);
        Assert.Equal(1, Evaluate("stride == 2 ? 1 : planes / (stride - 2)").Integer);
        Assert.False(Evaluate("stride == 3 && planes / (stride - 2) > 1").AsBool);
        Assert.True(Evaluate("free > 0 || flag").AsBool);
    }

    [Fact]
    public void Formulas_over_symbols_are_symbols_and_equal_formulas_compare_equal()
    {
        Assert.Equal("sym * 4", Evaluate("sym * 4").Text);
        Assert.Equal("(sym * 4) + 1", Evaluate("sym * 4 + 1").Text);
        Assert.True(Evaluate("sym * 4 == sym * 4").AsBool);
        Assert.Null(Evaluate("sym * 4 == sym * 2").AsBool);
    }

    [Theory]
    [InlineData(32 * 1.0, 8)]
    [InlineData(32 * 0.75, 8)]
    [InlineData(16 * 0.35, 8)]
    [InlineData(1280 * 1.4, 8)]
    [InlineData(96 * 0.5, 8)]
    [InlineData(17.0, 8)]
    [InlineData(3.0, 8)]
    public void Make_divisible_is_torchvisions_and_the_run_time_helpers(double value, int divisor)
    {
        // torchvision's _make_divisible, transcribed: new_v = max(d, int(v + d / 2) // d * d); if new_v < 0.9 * v: new_v += d.
        var expected = Math.Max(divisor, (int)(value + divisor / 2.0) / divisor * divisor);
        if (expected < 0.9 * value)
        {
            expected += divisor;
        }

        Assert.Equal(expected, ExprFunctions.MakeDivisibleValue(value, divisor, null));
        Assert.Equal(expected, NetGen.ExpressionFunctions.MakeDivisible(value, divisor, divisor));
    }

    [Theory]
    [InlineData("ceil(1 * 1.1)", 2)]
    [InlineData("ceil(3 * 1.4)", 5)]
    [InlineData("ceil(4 * 3.1)", 13)]
    [InlineData("ceil(2 * 1.0)", 2)]
    [InlineData("ceil(7)", 7)]
    [InlineData("ceil(-0.5)", 0)]
    public void Ceil_is_pythons_int_of_math_ceil_and_the_run_time_helpers(string text, int expected)
    {
        // torchvision's EfficientNet: int(math.ceil(num_layers * depth_mult)); 3 * 1.4 is 4.199999999999999 in doubles, ceil 5.
        Assert.Equal(expected, Evaluate(text).Integer);
        Assert.Equal(ExprType.Int, Evaluate(text).Type);
        var argument = ExprEvaluator.Evaluate(((CallExpr)ExprParser.Parse(text, out _)!).Arguments[0].Value, _ => default);
        Assert.Equal(expected, NetGen.ExpressionFunctions.Ceil(argument.AsDouble));
    }

    // Python 3: int(math.floor(x)) and round(x) (halves to even, as torch.round), for the values torchvision's RegNet rounds.
    [Theory]
    [InlineData("floor(7.9)", 7)]
    [InlineData("floor(-0.5)", -1)]
    [InlineData("floor(400 * 1.0)", 400)]
    [InlineData("floor(9)", 9)]
    [InlineData("round(2.5)", 2)]
    [InlineData("round(3.5)", 4)]
    [InlineData("round(-0.5)", 0)]
    [InlineData("round(-1.5)", -2)]
    [InlineData("round(49.161)", 49)]
    [InlineData("round(0.25 * 48)", 12)]
    [InlineData("round(24 * pow(2.54, 3) / 8) * 8", 392)]
    [InlineData("floor((pow(2.54, 2 + 0.5) - 1) * 24 / 24.48) + 1", 10)]
    public void Floor_and_round_are_pythons_and_the_run_time_helpers(string text, int expected)
    {
        Assert.Equal(expected, Evaluate(text).Integer);
        Assert.Equal(ExprType.Int, Evaluate(text).Type);
        if (ExprParser.Parse(text, out _) is CallExpr { Function: var function } call)
        {
            var argument = ExprEvaluator.Evaluate(call.Arguments[0].Value, _ => default).AsDouble;
            Assert.Equal(expected, function == "floor" ? NetGen.ExpressionFunctions.Floor(argument) : NetGen.ExpressionFunctions.Round(argument));
        }
    }

    [Fact]
    public void Pow_is_a_double_as_System_Math_Pow_computes_it()
    {
        Assert.Equal(ExprType.Double, Evaluate("pow(2, 3)").Type);
        Assert.Equal(Math.Pow(2.54, 3), Evaluate("pow(2.54, 3)").Real);
        Assert.Equal(Math.Pow(0.75, 64), Evaluate("pow(width, planes)").Real);
        Assert.False(Evaluate("pow(width, free)").IsKnown);
    }

    [Fact]
    public void Floor_and_round_of_a_value_beyond_an_int_are_an_overflow_at_compile_time_and_at_run_time()
    {
        Assert.True(Evaluate("floor(3000000000.5)").IsError);
        Assert.True(Evaluate("round(-3000000000.5)").IsError);
        Assert.Throws<OverflowException>(() => NetGen.ExpressionFunctions.Floor(3000000000.5));
        Assert.Throws<OverflowException>(() => NetGen.ExpressionFunctions.Round(-3000000000.5));
        Assert.Throws<OverflowException>(() => NetGen.ExpressionFunctions.Round(double.NaN));
    }

    [Fact]
    public void Ceil_of_a_value_beyond_an_int_is_an_overflow_at_compile_time_and_at_run_time()
    {
        Assert.True(Evaluate("ceil(3000000000.5)").IsError);
        Assert.Throws<OverflowException>(() => NetGen.ExpressionFunctions.Ceil(3000000000.5));
    }

    [Theory]
    [InlineData("planes * (4", "ends where ')' is expected")]
    [InlineData("planes & 4", "write '&&'")]
    [InlineData("planes 4", "unexpected '4'")]
    [InlineData("4planes", "neither a number nor a name")]
    [InlineData("planes * # 2", "unexpected character '#'")]
    public void Syntax_errors_say_what_and_where(string text, string message)
    {
        Assert.Null(ExprParser.Parse(text, out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void Nesting_and_length_are_bounded_so_the_generator_never_overflows_its_stack()
    {
        Assert.Null(ExprParser.Parse(new string('(', 100_000) + "1" + new string(')', 100_000), out var tooLong));
        Assert.Contains("longer than", tooLong);
        Assert.Null(ExprParser.Parse(new string('(', 300) + "1" + new string(')', 300), out var tooDeep));
        Assert.Contains("deeper than", tooDeep);
        Assert.Null(ExprParser.Parse(new string('-', 300) + "1", out var deepUnary));
        Assert.Contains("deeper than", deepUnary);
        Assert.Equal(200, ExprEvaluator.Evaluate(ExprParser.Parse(string.Join(" + ", Enumerable.Repeat("1", 200)), out _)!, _ => default).Integer);
    }

    [Fact]
    public void Equal_texts_parse_to_equal_trees()
    {
        Assert.Equal(ExprParser.Parse("max(a, b * 4) > 1 ? x : y", out _), ExprParser.Parse("max(a,b*4)>1?x:y", out _));
        Assert.NotEqual(ExprParser.Parse("a - b - c", out _), ExprParser.Parse("a - (b - c)", out _));
    }
}
