using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Writes a parameter-free layer as a functional call on a tensor expression: the form an attribute
/// takes when it sits around a member's module rather than being the module.
/// </summary>
internal static class FunctionalOpEmitter
{
    private const string F = "global::TorchSharp.torch.nn.functional.";

    /// <summary>The call applying <paramref name="layer"/> to <paramref name="x"/>.</summary>
    /// <param name="mayWorkInPlace">False when <paramref name="x"/> is still needed by someone else, so an in-place op must copy.</param>
    public static string Apply(LayerSpec layer, string x, bool mayWorkInPlace)
    {
        string Inplace() => mayWorkInPlace && layer.Get("Inplace") is { Kind: ArgKind.Bool, AsBool: true } ? "true" : "false";
        string Arg(string name, string fallback) => layer.Get(name) is { IsAbsent: false } value ? value.ToCSharp() : fallback;

        return layer.Kind switch
        {
            LayerKind.ReLU => $"{F}relu({x}, inplace: {Inplace()})",
            LayerKind.ReLU6 => $"{F}relu6({x}, inplace: {Inplace()})",
            LayerKind.LeakyReLU => $"{F}leaky_relu({x}, {Arg("NegativeSlope", "0.01")}, inplace: {Inplace()})",
            LayerKind.GELU => layer.Get("Approximate") is { Kind: ArgKind.Text, Text: "tanh" }
                ? $"{F}gelu({x}, global::TorchSharp.Modules.GELU.Approximate.tanh)"
                : $"{F}gelu({x})",
            LayerKind.SiLU => $"{F}silu({x}, inplace: {Inplace()})",
            LayerKind.Sigmoid => $"{F}sigmoid({x})",
            LayerKind.Tanh => $"{F}tanh({x})",
            LayerKind.Softmax => $"{F}softmax({x}, {Arg("Dim", "1")})",
            LayerKind.Flatten => $"{x}.flatten({Arg("StartDim", "1")}, {Arg("EndDim", "-1")})",
            LayerKind.Dropout => $"{F}dropout({x}, {Arg("P", "0.5")}, training: ((global::TorchSharp.torch.nn.Module)this).training, inplace: {Inplace()})",
            LayerKind.MaxPool2d => $"{F}max_pool2d({x}, {LayerFactoryEmitter.LongArray(layer.Get("KernelSize"))}, {PoolStride(layer)}, {ArrayOr(layer, "Padding", "0")}, {ArrayOr(layer, "Dilation", "1")}, ceil_mode: {Arg("CeilMode", "false")})",
            LayerKind.AvgPool2d => $"{F}avg_pool2d({x}, {LayerFactoryEmitter.LongArray(layer.Get("KernelSize"))}, {PoolStride(layer)}, {ArrayOr(layer, "Padding", "0")}, ceil_mode: {Arg("CeilMode", "false")}, count_include_pad: {Arg("CountIncludePad", "true")})",
            LayerKind.AdaptiveAvgPool2d => $"{F}adaptive_avg_pool2d({x}, {LayerFactoryEmitter.LongArray(layer.Get("OutputSize"))})",
            _ => $"/* {layer.Kind} has parameters and cannot be functional */ {x}",
        };
    }

    /// <summary>PyTorch's pools default their stride to the kernel size.</summary>
    private static string PoolStride(LayerSpec layer) =>
        LayerFactoryEmitter.LongArray(layer.Get("Stride") is { IsAbsent: false } stride ? stride : layer.Get("KernelSize"));

    private static string ArrayOr(LayerSpec layer, string name, string fallback) =>
        LayerFactoryEmitter.LongArray(layer.Get(name) is { IsAbsent: false } value ? value : ArgValue.FromInt(long.Parse(fallback)));
}
