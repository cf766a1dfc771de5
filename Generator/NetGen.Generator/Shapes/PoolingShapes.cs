using System.Globalization;
using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>
/// Output shapes of the max and average pools (1-d to 3-d) and the adaptive pools, with PyTorch's checks. (PyTorch
/// 1.13's max_pool1d returns an empty length-0 output where libtorch 2.x, which TorchSharp runs, refuses it:
/// every size below 1 fails here, as it would at run time.)
/// </summary>
internal static class PoolingShapes
{
    private const int SpatialRank = 2;

    public static ShapeResult Infer(PoolSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        int rank = spec.SpatialRank;
        Dim[] kernel = check.PerDimension(spec.KernelSize, rank, "kernel_size", null);
        Dim[] stride = check.PerDimension(spec.Stride, rank, "stride", kernel);
        Dim[] padding = check.PerDimension(spec.Padding, rank, "padding", LayerCheck.Repeat(0, rank));
        Dim[] dilation = check.PerDimension(spec.Dilation, rank, "dilation", LayerCheck.Repeat(1, rank));
        check.AtLeast(kernel, 1, "kernel_size");
        check.AtLeast(stride, 1, "stride");
        check.AtLeast(padding, 0, "padding");
        check.AtLeast(dilation, 1, "dilation");
        if (spec.IsAverage && dilation.Any(d => !(d.IsKnown && d.Value == 1)))
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{spec.Name}: {spec.Kind} has no dilation", "1", string.Join(", ", dilation));
        }

        for (int i = 0; i < rank; i++)
        {
            PaddingAtMostHalfKernel(check, padding[i], kernel[i]);
        }

        if (check.Failed)
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the input's rank is unknown; sizes not checked");
        }

        if (!check.Rank(input, rank + 1, rank + 1, Layout(rank)))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        var output = new Dim[rank + 1];
        output[0] = input[0];
        for (int i = 0; i < rank; i++)
        {
            output[i + 1] = Size(check, input[i + 1], kernel[i], stride[i], padding[i], dilation[i], spec.CeilMode);
        }

        return check.Finish(TensorShape.Of(output));
    }

    public static ShapeResult Infer(AdaptivePoolSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        Dim?[] sizes = { spec.OutputHeight, spec.OutputWidth };
        check.AtLeast(sizes.Where(s => s.HasValue).Select(s => s!.Value), 0, "output_size");
        if (check.Failed)
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the input's rank is unknown");
        }

        if (!check.Rank(input, SpatialRank + 1, SpatialRank + 1, "C×H×W"))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        // Any input size works (windows overlap when they do not divide); None keeps the input size.
        return check.Finish(TensorShape.Of(input[0], sizes[0] ?? input[1], sizes[1] ?? input[2]));
    }

    public static ShapeResult Infer(AdaptivePool1dSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        check.AtLeast(spec.OutputSize, 0, "output_size");
        if (check.Failed)
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!input.IsRankKnown)
        {
            return check.FinishUnknownRank("the input's rank is unknown");
        }

        return check.Rank(input, 2, 2, "C×L") ? check.Finish(TensorShape.Of(input[0], spec.OutputSize)) : check.Finish(TensorShape.UnknownRank);
    }

    private static string Layout(int rank) => rank switch { 1 => "C×L", 3 => "C×D×H×W", _ => "C×H×W" };

    /// <summary>
    /// PyTorch 1.13 requires <c>padding ≤ ⌊kernel/2⌋</c>, the kernel taken WITHOUT dilation.
    /// (PyTorch 2.x compares with half the dilated kernel instead.)
    /// </summary>
    private static void PaddingAtMostHalfKernel(LayerCheck check, Dim padding, Dim kernel)
    {
        if (padding.IsKnown && kernel.IsKnown)
        {
            if (padding.Value > kernel.Value / 2)
            {
                check.Fail(ShapeFailureKind.InvalidArgument,
                    $"{check.Layer}: padding {padding} is more than half the kernel size {kernel}",
                    $"≤ {kernel.Value / 2}", padding.ToString());
            }
        }
        else if (!(padding.IsKnown && padding.Value == 0))
        {
            check.Note($"padding {padding} not checked against half the kernel size {kernel}");
        }
    }

    private static Dim Size(LayerCheck check, Dim input, Dim kernel, Dim stride, Dim padding, Dim dilation, bool ceilMode)
    {
        if (!(input.IsKnown && kernel.IsKnown && stride.IsKnown && padding.IsKnown && dilation.IsKnown))
        {
            return Dim.Unknown;
        }

        long size = SpatialFormulas.Pooling(input.Value, kernel.Value, stride.Value, padding.Value, dilation.Value, ceilMode);
        if (size < 1)
        {
            check.Fail(ShapeFailureKind.SpatialCollapse,
                $"spatial size collapses: {input} →{check.Layer} {ShapeLabels.PoolStep(kernel, stride, padding, dilation, ceilMode)}→ {size}",
                "≥ 1", size.ToString(CultureInfo.InvariantCulture));
        }

        return size;
    }
}
