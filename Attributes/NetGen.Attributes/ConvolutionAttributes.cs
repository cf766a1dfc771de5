namespace NetGen
{
    /// <summary>Shared arguments of the convolution attributes, with PyTorch's names and defaults.</summary>
    public abstract class ConvolutionAttribute : LayerAttribute
    {
        private protected ConvolutionAttribute(object? inChannels, object outChannels, object kernelSize)
        {
            InChannels = inChannels;
            OutChannels = outChannels;
            KernelSize = kernelSize;
        }

        /// <summary>Input channels; <c>null</c> when inferred from the incoming shape.</summary>
        public object? InChannels { get; }
        public object OutChannels { get; }
        public object KernelSize { get; }
        public object Stride { get; set; } = 1;
        /// <summary>An int, a parameter name, or <c>"same"</c> / <c>"valid"</c>.</summary>
        public object Padding { get; set; } = 0;
        public object Dilation { get; set; } = 1;
        public object Groups { get; set; } = 1;
        public object Bias { get; set; } = true;
    }

    /// <summary><c>nn.Conv1d</c>. Omit <c>inChannels</c> to infer it.</summary>
    public sealed class Conv1dAttribute : ConvolutionAttribute
    {
        public Conv1dAttribute(object inChannels, object outChannels, object kernelSize) : base(inChannels, outChannels, kernelSize) { }
        public Conv1dAttribute(object outChannels, object kernelSize) : base(null, outChannels, kernelSize) { }
    }

    /// <summary><c>nn.Conv2d</c>. Omit <c>inChannels</c> to infer it.</summary>
    public sealed class Conv2dAttribute : ConvolutionAttribute
    {
        public Conv2dAttribute(object inChannels, object outChannels, object kernelSize) : base(inChannels, outChannels, kernelSize) { }
        public Conv2dAttribute(object outChannels, object kernelSize) : base(null, outChannels, kernelSize) { }
    }

    /// <summary><c>nn.ConvTranspose2d</c>. Omit <c>inChannels</c> to infer it.</summary>
    public sealed class ConvTranspose2dAttribute : ConvolutionAttribute
    {
        public ConvTranspose2dAttribute(object inChannels, object outChannels, object kernelSize) : base(inChannels, outChannels, kernelSize) { }
        public ConvTranspose2dAttribute(object outChannels, object kernelSize) : base(null, outChannels, kernelSize) { }

        public object OutputPadding { get; set; } = 0;
    }

    /// <summary><c>nn.Conv3d</c>. Omit <c>inChannels</c> to infer it.</summary>
    public sealed class Conv3dAttribute : ConvolutionAttribute
    {
        public Conv3dAttribute(object inChannels, object outChannels, object kernelSize) : base(inChannels, outChannels, kernelSize) { }
        public Conv3dAttribute(object outChannels, object kernelSize) : base(null, outChannels, kernelSize) { }
    }
}
