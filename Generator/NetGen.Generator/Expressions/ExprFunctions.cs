using System;

namespace NetGen.Generator.Expressions;

/// <summary>
/// The functions an expression may call. Each has the same meaning at compile time (here) and at run time
/// (the C# the emitter writes), so keys and state schemas follow the actual values.
/// </summary>
internal static class ExprFunctions
{
    public const string Min = "min";
    public const string Max = "max";
    public const string MakeDivisible = "make_divisible";
    public const string Ceil = "ceil";
    public const string Floor = "floor";
    public const string Round = "round";
    public const string Pow = "pow";

    public static readonly string[] Names = [Min, Max, MakeDivisible, Ceil, Floor, Round, Pow];

    /// <summary>The functions of one number whose result is an int: ceil, floor, round.</summary>
    public static bool IsRounding(string function) => function is Ceil or Floor or Round;

    /// <summary>
    /// Python's <c>int(math.floor(x))</c> (for a positive <c>x</c>, <c>int(x)</c>), as torchvision's RegNet truncates a
    /// width (<c>int(w * b)</c>): the largest int not above <paramref name="value"/>. Null when that is not an int.
    /// </summary>
    public static long? FloorValue(double value)
    {
        // Step for step NetGen.ExpressionFunctions.Floor, which the generated code calls: where that throws, null.
        var floor = Math.Floor(value);
        return floor >= int.MinValue && floor <= int.MaxValue ? (long)floor : null;
    }

    /// <summary>
    /// Python's <c>round(x)</c> of a float, an int with halves to the even neighbour (torch.round rounds the same way),
    /// as torchvision's RegNet rounds its widths. Null when the result is not an int.
    /// </summary>
    public static long? RoundValue(double value)
    {
        // Step for step NetGen.ExpressionFunctions.Round, which the generated code calls: where that throws, null.
        var rounded = Math.Round(value, MidpointRounding.ToEven);
        return rounded >= int.MinValue && rounded <= int.MaxValue ? (long)rounded : null;
    }

    /// <summary>The value of a rounding function (<see cref="IsRounding"/>) at <paramref name="value"/>, or null where it is not an int.</summary>
    public static long? RoundingValue(string function, double value) => function switch
    {
        Ceil => CeilValue(value),
        Floor => FloorValue(value),
        _ => RoundValue(value),
    };

    /// <summary>
    /// Python's <c>int(math.ceil(x))</c>, as torchvision's EfficientNet scales a stage's depth
    /// (<c>ceil(num_layers * depth_mult)</c>): the smallest int not below <paramref name="value"/>. Null when that is
    /// not an int (too large, or not a number).
    /// </summary>
    public static long? CeilValue(double value)
    {
        // Step for step NetGen.ExpressionFunctions.Ceil, which the generated code calls: where that throws, null.
        var ceiling = Math.Ceiling(value);
        return ceiling >= int.MinValue && ceiling <= int.MaxValue ? (long)ceiling : null;
    }

    /// <summary>
    /// torchvision's <c>_make_divisible(v, divisor, min_value=None)</c>: <c>v</c> rounded to the nearest
    /// multiple of <c>divisor</c> (halves up), at least <c>min_value</c> (default: <c>divisor</c>), and never
    /// more than 10% below <c>v</c>. Null when the result does not fit an int, or the divisor is not positive.
    /// </summary>
    public static long? MakeDivisibleValue(double value, long divisor, long? minValue)
    {
        // Step for step NetGen.ExpressionFunctions.MakeDivisible, which the generated code calls: where that throws, null.
        if (divisor <= 0)
        {
            return null;
        }

        var truncated = Math.Truncate(value + divisor / 2.0);
        if (!(truncated >= -9223372036854775808.0 && truncated < 9223372036854775808.0))
        {
            return null;
        }

        try
        {
            var rounded = (long)truncated;
            var result = Math.Max(minValue ?? divisor, rounded / divisor * divisor);
            if (result < 0.9 * value)
            {
                result = checked(result + divisor);
            }

            return result is >= int.MinValue and <= int.MaxValue ? result : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
