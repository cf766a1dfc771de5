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

    public static readonly string[] Names = [Min, Max, MakeDivisible, Ceil];

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
