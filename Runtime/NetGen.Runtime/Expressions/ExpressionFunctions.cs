namespace NetGen;

/// <summary>
/// Functions that NetGen's hyperparameter expressions may call, as generated code calls them at run time.
/// The generator evaluates the same functions at compile time with the same results.
/// </summary>
public static class ExpressionFunctions
{
    /// <summary>
    /// torchvision's <c>_make_divisible(v, divisor, min_value)</c>: <paramref name="value"/> rounded to the nearest
    /// multiple of <paramref name="divisor"/> (halves up), at least <paramref name="minValue"/>, and raised by one
    /// divisor when rounding down lost more than 10% of <paramref name="value"/>.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The divisor is not positive.</exception>
    /// <exception cref="System.OverflowException">The result does not fit an int.</exception>
    public static int MakeDivisible(double value, long divisor, long minValue)
    {
        if (divisor <= 0)
        {
            throw new System.ArgumentOutOfRangeException(nameof(divisor), divisor, "make_divisible needs a positive divisor");
        }

        var rounded = checked((long)System.Math.Truncate(value + divisor / 2.0));
        var result = System.Math.Max(minValue, rounded / divisor * divisor);
        if (result < 0.9 * value)
        {
            result = checked(result + divisor);
        }

        return checked((int)result);
    }

    /// <summary>
    /// Python's <c>int(math.ceil(value))</c>, as torchvision's EfficientNet scales a stage's depth: the smallest int
    /// not below <paramref name="value"/>.
    /// </summary>
    /// <exception cref="System.OverflowException">The result does not fit an int, or the value is not a number.</exception>
    public static int Ceil(double value) => checked((int)System.Math.Ceiling(value));

    /// <summary>
    /// Python's <c>int(math.floor(value))</c> (<c>int(value)</c> for a positive value), as torchvision's RegNet truncates
    /// a width: the largest int not above <paramref name="value"/>.
    /// </summary>
    /// <exception cref="System.OverflowException">The result does not fit an int, or the value is not a number.</exception>
    public static int Floor(double value) => checked((int)System.Math.Floor(value));

    /// <summary>
    /// Python's <c>round(value)</c> of a float: the nearest int, halves to the even one (as <c>torch.round</c>), as
    /// torchvision's RegNet rounds its widths.
    /// </summary>
    /// <exception cref="System.OverflowException">The result does not fit an int, or the value is not a number.</exception>
    public static int Round(double value) => checked((int)System.Math.Round(value, System.MidpointRounding.ToEven));
}
