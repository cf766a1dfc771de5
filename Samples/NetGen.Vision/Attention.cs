using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// The two products of attention over the last two dimensions, for any number of leading batch dimensions, written as
/// <c>einsum</c> (as torchvision's MaxViT writes them). Not <c>matmul</c>: in TorchSharp 0.107 a <c>matmul</c> of
/// mismatched shapes ends the process (libtorch's error escapes its native wrapper), while <c>einsum</c> and
/// <c>bmm</c> raise an exception that names the sizes.
/// </summary>
internal static class Attention
{
    /// <summary>Every query against every key: <c>[..., i, d] × [..., j, d] → [..., i, j]</c>.</summary>
    public static Tensor Scores(Tensor queries, Tensor keys) => torch.einsum("...id,...jd->...ij", queries, keys);

    /// <summary>The attention-weighted values: <c>[..., i, j] × [..., j, d] → [..., i, d]</c>.</summary>
    public static Tensor Apply(Tensor weights, Tensor values) => torch.einsum("...ij,...jd->...id", weights, values);
}
