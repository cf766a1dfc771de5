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

    /// <summary><c>nn.MaxPool1d</c> over a C×L sample.</summary>
    public sealed class MaxPool1dAttribute : LayerAttribute
    {
        public MaxPool1dAttribute(int kernelSize) => KernelSize = kernelSize;

        public int KernelSize { get; }
        public object? Stride { get; set; }
        public int Padding { get; set; }
        public int Dilation { get; set; } = 1;
        public bool CeilMode { get; set; }
    }

    /// <summary><c>nn.MaxPool3d</c> over a C×D×H×W sample.</summary>
    public sealed class MaxPool3dAttribute : LayerAttribute
    {
        public MaxPool3dAttribute(object kernelSize) => KernelSize = kernelSize;

        public object KernelSize { get; }
        public object? Stride { get; set; }
        public object Padding { get; set; } = 0;
        public object Dilation { get; set; } = 1;
        public bool CeilMode { get; set; }
    }

    /// <summary><c>nn.AvgPool1d</c> over a C×L sample.</summary>
    public sealed class AvgPool1dAttribute : LayerAttribute
    {
        public AvgPool1dAttribute(int kernelSize) => KernelSize = kernelSize;

        public int KernelSize { get; }
        public object? Stride { get; set; }
        public int Padding { get; set; }
        public bool CeilMode { get; set; }
        public bool CountIncludePad { get; set; } = true;
    }

    /// <summary><c>nn.AdaptiveMaxPool2d</c>: an int, or <c>new[] { h, w }</c>.</summary>
    public sealed class AdaptiveMaxPool2dAttribute : LayerAttribute
    {
        public AdaptiveMaxPool2dAttribute(object outputSize) => OutputSize = outputSize;

        public object OutputSize { get; }
    }

    /// <summary><c>nn.AdaptiveAvgPool1d</c> over a C×L sample.</summary>
    public sealed class AdaptiveAvgPool1dAttribute : LayerAttribute
    {
        public AdaptiveAvgPool1dAttribute(object outputSize) => OutputSize = outputSize;

        public object OutputSize { get; }
    }
}
