using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>SwinTransformer</c> (torchvision 0.14): swin_t, swin_s, swin_b and their v2 versions are one class.
/// <c>features</c> is the patch embedding (a conv of stride <c>patchSize</c>, a permute to channels-last, a LayerNorm),
/// then four stages of Swin blocks whose width and heads double stage by stage, with a patch merging between them;
/// then a LayerNorm, a permute back to channels-first, global average pooling and the head. Each block shifts its
/// windows by half a window when its index in the stage is odd, and its stochastic depth probability grows with its
/// position among all blocks, as torchvision computes both. <c>v2</c> picks the v2 block and patch merging by
/// conditional children, so each version keeps torchvision's indices. The window attention is hand-written
/// (<see cref="ShiftedWindowAttention"/>), and so are the patch merging's and the v2 block's forwards; everything
/// else is declared. Its state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 224, 224])]
public partial class SwinTransformer : nn.Module<Tensor, Tensor>
{
    // torchvision's sd_prob = stochastic_depth_prob * stage_block_id / (total_stage_blocks - 1), with 2 + 2 + depth3 + 2 blocks.
    private const string Sd = "stochasticDepthProb * (";
    private const string Last = ") / (5.0 + depth3)";

    // torchvision's shift_size: 0 for even blocks of a stage, half the window for odd ones.
    private const string Shift = "i % 2 == 0 ? 0 : windowSize / 2";

    /// <param name="embedDim">The first stage's channels; each later stage has twice the one before.</param>
    /// <param name="depth3">The third stage's blocks (the others have 2).</param>
    /// <param name="numHeads">The first stage's attention heads; each later stage has twice the one before.</param>
    /// <param name="windowSize">The side of an attention window.</param>
    /// <param name="stochasticDepthProb">The stochastic depth probability of the last block.</param>
    /// <param name="v2">Swin v2: post-norm blocks with cosine attention, and v2's patch merging.</param>
    /// <param name="patchSize">The side of a patch of the embedding.</param>
    /// <param name="numClasses">Outputs of the head.</param>
    public partial SwinTransformer(int embedDim = 96, int depth3 = 6, int numHeads = 3, int windowSize = 7, double stochasticDepthProb = 0.2,
        bool v2 = false, int patchSize = 4, int numClasses = 1000);

    /// <summary>torchvision's <c>swin_t</c>.</summary>
    public static SwinTransformer T(int numClasses = 1000) => new(96, 6, 3, 7, 0.2, numClasses: numClasses);

    /// <summary>torchvision's <c>swin_s</c>.</summary>
    public static SwinTransformer S(int numClasses = 1000) => new(96, 18, 3, 7, 0.3, numClasses: numClasses);

    /// <summary>torchvision's <c>swin_b</c>.</summary>
    public static SwinTransformer B(int numClasses = 1000) => new(128, 18, 4, 7, 0.5, numClasses: numClasses);

    /// <summary>torchvision's <c>swin_v2_t</c>.</summary>
    public static SwinTransformer V2T(int numClasses = 1000) => new(96, 6, 3, 8, 0.2, v2: true, numClasses: numClasses);

    /// <summary>torchvision's <c>swin_v2_s</c>.</summary>
    public static SwinTransformer V2S(int numClasses = 1000) => new(96, 18, 3, 8, 0.3, v2: true, numClasses: numClasses);

    /// <summary>torchvision's <c>swin_v2_b</c>.</summary>
    public static SwinTransformer V2B(int numClasses = 1000) => new(128, 18, 4, 8, 0.5, v2: true, numClasses: numClasses);

    [Block<SwinPatchEmbedding>("embedDim", "patchSize")]
    [Stage<SwinTransformerBlock>(2, Each = ["embedDim", "numHeads", "windowSize", Shift, Sd + "i" + Last], Index = "i", When = "!v2")]
    [Stage<SwinTransformerBlockV2>(2, Each = ["embedDim", "numHeads", "windowSize", Shift, Sd + "i" + Last], Index = "i", When = "v2")]
    [Block<PatchMerging>("embedDim", When = "!v2")]
    [Block<PatchMergingV2>("embedDim", When = "v2")]
    [Stage<SwinTransformerBlock>(2, Each = ["embedDim * 2", "numHeads * 2", "windowSize", Shift, Sd + "2 + i" + Last], Index = "i", When = "!v2")]
    [Stage<SwinTransformerBlockV2>(2, Each = ["embedDim * 2", "numHeads * 2", "windowSize", Shift, Sd + "2 + i" + Last], Index = "i", When = "v2")]
    [Block<PatchMerging>("embedDim * 2", When = "!v2")]
    [Block<PatchMergingV2>("embedDim * 2", When = "v2")]
    [Stage<SwinTransformerBlock>("depth3", Each = ["embedDim * 4", "numHeads * 4", "windowSize", Shift, Sd + "4 + i" + Last], Index = "i", When = "!v2")]
    [Stage<SwinTransformerBlockV2>("depth3", Each = ["embedDim * 4", "numHeads * 4", "windowSize", Shift, Sd + "4 + i" + Last], Index = "i", When = "v2")]
    [Block<PatchMerging>("embedDim * 4", When = "!v2")]
    [Block<PatchMergingV2>("embedDim * 4", When = "v2")]
    [Stage<SwinTransformerBlock>(2, Each = ["embedDim * 8", "numHeads * 8", "windowSize", Shift, Sd + "4 + depth3 + i" + Last], Index = "i", When = "!v2")]
    [Stage<SwinTransformerBlockV2>(2, Each = ["embedDim * 8", "numHeads * 8", "windowSize", Shift, Sd + "4 + depth3 + i" + Last], Index = "i", When = "v2")]
    public partial Sequential features { get; }

    [LayerNorm("embedDim * 8")]
    public partial LayerNorm norm { get; }

    [Permute(0, 3, 1, 2)]
    public partial NetGen.Permute permute { get; }

    [AdaptiveAvgPool2d(1)]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Flatten]
    public partial Flatten flatten { get; }

    [Linear("embedDim * 8", "numClasses")]
    public partial Linear head { get; }
}

/// <summary>Swin's patch embedding, <c>features.0</c>: a conv of stride <c>patchSize</c>, a permute to channels-last, a LayerNorm.</summary>
[Model]
[Conv2d(3, "embedDim", "patchSize", Stride = "patchSize")]
[Permute(0, 2, 3, 1)]
[LayerNorm("embedDim")]
public partial class SwinPatchEmbedding : nn.Module<Tensor, Tensor>
{
    public partial SwinPatchEmbedding(int embedDim, int patchSize);
}
