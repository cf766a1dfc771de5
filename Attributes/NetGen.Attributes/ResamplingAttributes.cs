namespace NetGen
{
    /// <summary>
    /// <c>nn.Upsample</c>: give <see cref="Size"/> (an int or one per spatial dimension) or <see cref="ScaleFactor"/>.
    /// </summary>
    public sealed class UpsampleAttribute : LayerAttribute
    {
        public object? Size { get; set; }
        public double ScaleFactor { get; set; }
        /// <summary><c>"nearest"</c>, <c>"linear"</c>, <c>"bilinear"</c>, <c>"bicubic"</c> or <c>"trilinear"</c>.</summary>
        public string Mode { get; set; } = "nearest";
        public bool AlignCorners { get; set; }
    }

    /// <summary><c>nn.PixelShuffle</c>: C×H×W → C/r²×Hr×Wr.</summary>
    public sealed class PixelShuffleAttribute : LayerAttribute
    {
        public PixelShuffleAttribute(int upscaleFactor) => UpscaleFactor = upscaleFactor;

        public int UpscaleFactor { get; }
    }

    /// <summary><c>nn.ZeroPad2d</c>: an int for every side, or <c>new[] { left, right, top, bottom }</c>.</summary>
    public sealed class ZeroPad2dAttribute : LayerAttribute
    {
        public ZeroPad2dAttribute(object padding) => Padding = padding;

        public object Padding { get; }
    }

    /// <summary><c>nn.ConstantPad1d</c>: an int for both sides, or <c>new[] { left, right }</c>.</summary>
    public sealed class ConstantPad1dAttribute : LayerAttribute
    {
        public ConstantPad1dAttribute(object padding, double value)
        {
            Padding = padding;
            Value = value;
        }

        public object Padding { get; }
        public double Value { get; }
    }

    /// <summary><c>nn.ConstantPad2d</c>: an int for every side, or <c>new[] { left, right, top, bottom }</c>.</summary>
    public sealed class ConstantPad2dAttribute : LayerAttribute
    {
        public ConstantPad2dAttribute(object padding, double value)
        {
            Padding = padding;
            Value = value;
        }

        public object Padding { get; }
        public double Value { get; }
    }
}
