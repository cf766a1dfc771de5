using NetGen.Generator.Shapes;

namespace NetGen.Generator.Tests.Shapes;

/// <summary>PyTorch's size formulas on hand-checked cases (the fixture checks them at scale).</summary>
public class SpatialFormulaTests
{
    [Theory]
    [InlineData(7, 2, 3)]
    [InlineData(-3, 2, -2)]
    [InlineData(-4, 2, -2)]
    [InlineData(-1, 3, -1)]
    [InlineData(0, 5, 0)]
    public void FloorDiv_rounds_toward_negative_infinity(long numerator, long denominator, long expected) =>
        Assert.Equal(expected, SpatialFormulas.FloorDiv(numerator, denominator));

    [Theory]
    [InlineData(224, 3, 1, 0, 1, 222)]   // seed Net conv1
    [InlineData(224, 7, 2, 6, 1, 112)]   // ResNet stem, padding 3 each side
    [InlineData(3, 5, 1, 0, 1, -1)]      // collapses
    [InlineData(10, 3, 1, 0, 3, 4)]      // dilation 3: effective kernel 7
    public void Convolution(long input, long kernel, long stride, long paddingTotal, long dilation, long expected) =>
        Assert.Equal(expected, SpatialFormulas.Convolution(input, kernel, stride, paddingTotal, dilation));

    [Theory]
    [InlineData(4, 3, 2, 1, 1, 1, 8)]    // the usual ×2 upsampling
    [InlineData(4, 3, 1, 0, 2, 1, 9)]    // output_padding 1 allowed by dilation 2 although stride is 1
    [InlineData(1, 1, 1, 2, 1, 0, -3)]   // collapses
    public void Transposed_convolution(long input, long kernel, long stride, long padding, long dilation, long outputPadding, long expected) =>
        Assert.Equal(expected, SpatialFormulas.TransposedConvolution(input, kernel, stride, padding, dilation, outputPadding));

    [Theory]
    [InlineData(222, 2, 2, 0, 1, false, 111)]
    [InlineData(112, 3, 2, 1, 1, false, 56)]   // ResNet stem max pool
    [InlineData(5, 2, 2, 0, 1, true, 3)]       // ceil keeps the partial last window
    [InlineData(5, 2, 2, 0, 1, false, 2)]
    [InlineData(5, 3, 3, 1, 1, true, 2)]       // ceil would give 3, but that window starts in the right padding
    [InlineData(1, 2, 2, 0, 1, true, 1)]
    [InlineData(1, 2, 2, 0, 1, false, 0)]
    public void Pooling(long input, long kernel, long stride, long padding, long dilation, bool ceilMode, long expected) =>
        Assert.Equal(expected, SpatialFormulas.Pooling(input, kernel, stride, padding, dilation, ceilMode));

    [Fact]
    public void Same_padding_keeps_the_size_for_even_kernels_and_dilation()
    {
        var conv = new ConvSpec("c", ConvKind.Conv2d, 2, 2, new Dim[] { 2, 5 }, default, ConvPadding.Same, new Dim[] { 3, 2 }, 1, default);
        Assert.Equal(TensorShape.Of(2, 1, 2), ShapeInference.Infer(conv, TensorShape.Of(2, 1, 2)).Shape);
        Assert.Equal(4, SpatialFormulas.SamePaddingTotal(kernel: 5, dilation: 1));
    }

    [Fact]
    public void Pool_padding_limit_is_half_the_undilated_kernel_as_in_PyTorch_1_13()
    {
        Assert.Equal(ShapeFailureKind.InvalidArgument,
            ShapeInference.Infer(PoolSpec.MaxPool2d("p", 2, padding: 2, dilation: 3), TensorShape.Of(1, 8, 8)).Failure!.Kind);
        Assert.True(ShapeInference.Infer(PoolSpec.MaxPool2d("p", 2, padding: 1, dilation: 3), TensorShape.Of(1, 8, 8)).IsSuccess);
    }
}
