using NetGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>PatchMerging</c> between Swin v1 stages: each 2×2 patch of a channels-last <c>[H, W, dim]</c> map
/// becomes one token of <c>4 * dim</c> channels, then a LayerNorm and a linear reduce it to <c>2 * dim</c>. The forward is
/// hand-written because the merge is strided slicing, which no layer expresses; the entries are declared, in
/// torchvision's order (<c>reduction</c> before <c>norm</c>).
/// </summary>
[Model(Input = [56, 56, "dim"])]
public partial class PatchMerging : nn.Module<Tensor, Tensor>
{
    /// <param name="dim">Channels of the input; the output has twice as many.</param>
    public partial PatchMerging(int dim = 96);

    [Linear("4 * dim", "2 * dim", Bias = false)]
    public partial Linear reduction { get; }

    [LayerNorm("4 * dim")]
    public partial LayerNorm norm { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return reduction.call(norm.call(Patches.Merge(x))).MoveToOuterDisposeScope();
    }
}

/// <summary>torchvision's <c>PatchMergingV2</c> (Swin v2): the reduction first, then a LayerNorm of <c>2 * dim</c>.</summary>
[Model(Input = [64, 64, "dim"])]
public partial class PatchMergingV2 : nn.Module<Tensor, Tensor>
{
    /// <inheritdoc cref="PatchMerging(int)"/>
    public partial PatchMergingV2(int dim = 96);

    [Linear("4 * dim", "2 * dim", Bias = false)]
    public partial Linear reduction { get; }

    [LayerNorm("2 * dim")]
    public partial LayerNorm norm { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return norm.call(reduction.call(Patches.Merge(x))).MoveToOuterDisposeScope();
    }
}

/// <summary>torchvision's <c>_patch_merging_pad</c>.</summary>
internal static class Patches
{
    /// <summary>
    /// <c>[..., H, W, C]</c> → <c>[..., ⌈H/2⌉, ⌈W/2⌉, 4C]</c>: pads an odd side with zeros, then concatenates the four
    /// phases of each 2×2 patch in torchvision's order (row 0 col 0, row 1 col 0, row 0 col 1, row 1 col 1).
    /// </summary>
    public static Tensor Merge(Tensor x)
    {
        var (height, width) = (x.size(-3), x.size(-2));
        x = F.pad(x, new[] { 0L, 0, 0, width % 2, 0, height % 2 });
        var ellipsis = TensorIndex.Ellipsis;
        var all = TensorIndex.Colon;
        TensorIndex Phase(long start) => TensorIndex.Slice(start, null, 2);
        return torch.cat(new[]
        {
            x[ellipsis, Phase(0), Phase(0), all],
            x[ellipsis, Phase(1), Phase(0), all],
            x[ellipsis, Phase(0), Phase(1), all],
            x[ellipsis, Phase(1), Phase(1), all],
        }, -1);
    }
}
