using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>Output shapes of Conv1d, Conv2d and ConvTranspose2d, with PyTorch's checks.</summary>
internal static class ConvolutionShapes
{
    public static ShapeResult Infer(ConvSpec spec, TensorShape input)
    {
        var check = new LayerCheck(spec.Name);
        int rank = spec.SpatialRank;

        // The layer's own arguments: PyTorch refuses these whatever the input.
        Dim[] kernel = check.PerDimension(spec.KernelSize, rank, "kernel_size", null);
        Dim[] stride = check.PerDimension(spec.Stride, rank, "stride", LayerCheck.Repeat(1, rank));
        Dim[] dilation = check.PerDimension(spec.Dilation, rank, "dilation", LayerCheck.Repeat(1, rank));
        Dim[] outputPadding = check.PerDimension(spec.OutputPadding, rank, "output_padding", LayerCheck.Repeat(0, rank));
        Dim[] padding = Padding(spec, check, rank);
        check.AtLeast(kernel, 1, "kernel_size");
        check.AtLeast(stride, 1, "stride");
        check.AtLeast(dilation, 1, "dilation");
        check.AtLeast(padding, 0, "padding");
        check.AtLeast(outputPadding, 0, "output_padding");
        check.AtLeast(spec.Groups, 1, "groups");
        if (spec.Padding.Mode == ConvPaddingMode.Same)
        {
            SameNeedsStrideOne(check, stride);
        }

        if (spec.IsTransposed)
        {
            OutputPaddingBelowStrideOrDilation(check, outputPadding, stride, dilation);
        }
        else if (outputPadding.Any(p => !(p.IsKnown && p.Value == 0)))
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{spec.Name}: output_padding belongs to transposed convolutions only",
                "0", string.Join(", ", outputPadding));
        }

        if (check.Failed)
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        if (!input.IsRankKnown)
        {
            check.GroupsDivide(spec.Groups, spec.InChannels, "input channels");
            check.GroupsDivide(spec.Groups, spec.OutChannels, "output channels");
            return check.FinishUnknownRank("the input's rank is unknown; channels and sizes not checked");
        }

        // An omitted in_channels is inferred from the input, and groups must divide that.
        Dim inChannels = spec.InChannels.IsUnknown && input.Rank > 0 ? input[0] : spec.InChannels;
        check.GroupsDivide(spec.Groups, inChannels, "input channels");
        check.GroupsDivide(spec.Groups, spec.OutChannels, "output channels");
        string layout = rank switch { 1 => "C×L", 3 => "C×D×H×W", _ => "C×H×W" };
        if (!check.Rank(input, rank + 1, rank + 1, layout))
        {
            return check.Finish(TensorShape.UnknownRank);
        }

        check.Channels(spec.InChannels, input[0], "input channels");
        var output = new Dim[rank + 1];
        output[0] = spec.OutChannels;
        for (int i = 0; i < rank; i++)
        {
            output[i + 1] = spec.IsTransposed
                ? TransposedSize(check, input[i + 1], kernel[i], stride[i], padding[i], dilation[i], outputPadding[i])
                : Size(check, spec, input[i + 1], kernel[i], stride[i], padding[i], dilation[i]);
        }

        return check.Finish(TensorShape.Of(output));
    }

    /// <summary>Explicit padding per dimension ('valid' is 0); for 'same' the total, which the size formula uses.</summary>
    private static Dim[] Padding(ConvSpec spec, LayerCheck check, int rank)
    {
        switch (spec.Padding.Mode)
        {
            case ConvPaddingMode.Valid when !spec.IsTransposed:
                return LayerCheck.Repeat(0, rank);
            case ConvPaddingMode.Same when !spec.IsTransposed:
                return LayerCheck.Repeat(0, rank); // not used: 'same' keeps the size
            case ConvPaddingMode.Explicit:
                return check.PerDimension(spec.Padding.Sizes, rank, "padding", LayerCheck.Repeat(0, rank));
            default:
                check.Fail(ShapeFailureKind.InvalidArgument,
                    $"{spec.Name}: ConvTranspose2d takes padding sizes, not '{spec.Padding}'", "padding sizes", spec.Padding.ToString());
                return LayerCheck.Repeat(0, rank);
        }
    }

    private static void SameNeedsStrideOne(LayerCheck check, Dim[] stride)
    {
        Dim bad = stride.FirstOrDefault(s => s.IsKnown && s.Value != 1);
        if (bad.IsKnown)
        {
            check.Fail(ShapeFailureKind.InvalidArgument, $"{check.Layer}: padding 'same' needs stride 1, got stride {bad}", "1", bad.ToString());
        }
        else if (stride.Any(s => !s.IsKnown))
        {
            check.Note($"padding 'same' needs stride 1; stride {string.Join(", ", stride)} not checked");
        }
    }

    /// <summary>PyTorch: "output padding must be smaller than either stride or dilation", per dimension.</summary>
    private static void OutputPaddingBelowStrideOrDilation(LayerCheck check, Dim[] outputPadding, Dim[] stride, Dim[] dilation)
    {
        for (int i = 0; i < outputPadding.Length; i++)
        {
            if (outputPadding[i].IsKnown && stride[i].IsKnown && dilation[i].IsKnown)
            {
                if (outputPadding[i].Value >= stride[i].Value && outputPadding[i].Value >= dilation[i].Value)
                {
                    check.Fail(ShapeFailureKind.InvalidArgument,
                        $"{check.Layer}: output_padding {outputPadding[i]} must be smaller than the stride {stride[i]} or the dilation {dilation[i]}",
                        $"< {System.Math.Max(stride[i].Value, dilation[i].Value)}", outputPadding[i].ToString());
                }
            }
            else if (!(outputPadding[i].IsKnown && outputPadding[i].Value == 0))
            {
                check.Note($"output_padding {outputPadding[i]} not checked against stride {stride[i]} and dilation {dilation[i]}");
            }
        }
    }

    private static Dim Size(LayerCheck check, ConvSpec spec, Dim input, Dim kernel, Dim stride, Dim padding, Dim dilation)
    {
        if (spec.Padding.Mode == ConvPaddingMode.Same)
        {
            return input; // stride 1 is enforced above; padded by dilation·(kernel−1) in total
        }

        if (!(input.IsKnown && kernel.IsKnown && stride.IsKnown && padding.IsKnown && dilation.IsKnown))
        {
            return Dim.Unknown;
        }

        long size = SpatialFormulas.Convolution(input.Value, kernel.Value, stride.Value, 2 * padding.Value, dilation.Value);
        if (size < 1)
        {
            check.Fail(ShapeFailureKind.SpatialCollapse,
                $"spatial size collapses: {input} →{check.Layer} {ShapeLabels.SizeStep(kernel, stride, padding, dilation)}→ {size}",
                "≥ 1", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return size;
    }

    private static Dim TransposedSize(LayerCheck check, Dim input, Dim kernel, Dim stride, Dim padding, Dim dilation, Dim outputPadding)
    {
        if (!(input.IsKnown && kernel.IsKnown && stride.IsKnown && padding.IsKnown && dilation.IsKnown && outputPadding.IsKnown))
        {
            return Dim.Unknown;
        }

        long size = SpatialFormulas.TransposedConvolution(
            input.Value, kernel.Value, stride.Value, padding.Value, dilation.Value, outputPadding.Value);
        if (size < 1)
        {
            check.Fail(ShapeFailureKind.SpatialCollapse,
                $"spatial size collapses: {input} →{check.Layer} {ShapeLabels.SizeStep(kernel, stride, padding, dilation, transposed: true)}→ {size}",
                "≥ 1", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return size;
    }
}
