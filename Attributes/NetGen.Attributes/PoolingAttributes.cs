namespace NetGen
{
    /// <summary><c>nn.MaxPool2d</c>. <see cref="Stride"/> defaults to the kernel size, as in PyTorch.</summary>
    public sealed class MaxPool2dAttribute : LayerAttribute
    {
        public MaxPool2dAttribute(object kernelSize) => KernelSize = kernelSize;

        public object KernelSize { get; }
        public object? Stride { get; set; }
        public object Padding { get; set; } = 0;
        public object Dilation { get; set; } = 1;
        public bool CeilMode { get; set; }
    }

    /// <summary><c>nn.AvgPool2d</c>. <see cref="Stride"/> defaults to the kernel size, as in PyTorch.</summary>
    public sealed class AvgPool2dAttribute : LayerAttribute
    {
        public AvgPool2dAttribute(object kernelSize) => KernelSize = kernelSize;

        public object KernelSize { get; }
        public object? Stride { get; set; }
        public object Padding { get; set; } = 0;
        public bool CeilMode { get; set; }
        public bool CountIncludePad { get; set; } = true;
    }

    /// <summary><c>nn.AdaptiveAvgPool2d</c>.</summary>
    public sealed class AdaptiveAvgPool2dAttribute : LayerAttribute
    {
        public AdaptiveAvgPool2dAttribute(object outputSize) => OutputSize = outputSize;

        public object OutputSize { get; }
    }
}
