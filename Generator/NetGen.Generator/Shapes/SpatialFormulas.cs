namespace NetGen.Generator.Shapes;

/// <summary>
/// PyTorch's output-size formulas for one spatial dimension, on concrete sizes. Results below 1 are
/// returned as computed (e.g. -1); the callers turn them into a collapse failure.
/// </summary>
internal static class SpatialFormulas
{
    /// <summary>Division rounding toward negative infinity (PyTorch's <c>div_rtn</c>).</summary>
    public static long FloorDiv(long numerator, long denominator)
    {
        long quotient = numerator / denominator;
        return (numerator % denominator != 0) && ((numerator < 0) != (denominator < 0)) ? quotient - 1 : quotient;
    }

    /// <summary>The span a dilated kernel covers: <c>dilation·(kernel−1)+1</c>.</summary>
    public static long EffectiveKernel(long kernel, long dilation) => (dilation * (kernel - 1)) + 1;

    /// <summary>
    /// Conv output: <c>⌊(in + padLeft + padRight − dilation·(kernel−1) − 1) / stride⌋ + 1</c>.
    /// PyTorch refuses the input when the padded size is below the effective kernel, which is
    /// exactly when this is below 1.
    /// </summary>
    public static long Convolution(long input, long kernel, long stride, long paddingTotal, long dilation) =>
        FloorDiv(input + paddingTotal - EffectiveKernel(kernel, dilation), stride) + 1;

    /// <summary>
    /// ConvTranspose output: <c>(in − 1)·stride − 2·padding + dilation·(kernel−1) + output_padding + 1</c>.
    /// </summary>
    public static long TransposedConvolution(long input, long kernel, long stride, long padding, long dilation, long outputPadding) =>
        ((input - 1) * stride) - (2 * padding) + (dilation * (kernel - 1)) + outputPadding + 1;

    /// <summary>
    /// 'same' padding in total (PyTorch puts ⌊total/2⌋ on the left and the rest on the right, so an
    /// even kernel pads asymmetrically); with stride 1 the output equals the input.
    /// </summary>
    public static long SamePaddingTotal(long kernel, long dilation) => dilation * (kernel - 1);

    /// <summary>
    /// Max/avg pool output (PyTorch's <c>pooling_output_shape</c>):
    /// <c>⌊(in + 2·pad − dilation·(kernel−1) − 1 + (ceil ? stride−1 : 0)) / stride⌋ + 1</c>, and in
    /// ceil mode one less when the last window would start at or past <c>in + pad</c>, i.e. wholly
    /// in the right padding: if <c>(out−1)·stride ≥ in + pad</c> then <c>out −= 1</c>.
    /// </summary>
    public static long Pooling(long input, long kernel, long stride, long padding, long dilation, bool ceilMode)
    {
        long output = FloorDiv(
            input + (2 * padding) - EffectiveKernel(kernel, dilation) + (ceilMode ? stride - 1 : 0),
            stride) + 1;
        if (ceilMode && (output - 1) * stride >= input + padding)
        {
            output--;
        }

        return output;
    }
}
