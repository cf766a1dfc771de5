using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>VisionTransformer</c> (torchvision 0.14): vit_b_16, vit_b_32, vit_l_16, vit_l_32 and vit_h_14 are one
/// class whose sizes are hyperparameters. The image is cut into patches by <c>conv_proj</c>, flattened into a sequence of
/// tokens (<c>x.flatten(2).permute(0, 2, 1)</c>), the class token is put in front (<c>ParameterUse.Prepend</c>), the
/// encoder runs, and the head reads the class token back (<c>[Select(1, 0)]</c>, PyTorch's <c>x[:, 0]</c>). The state dict
/// is torchvision's, key for key, so torchvision's checkpoints load strictly. Only <see cref="ViTEncoderBlock"/>'s forward
/// is hand-written (see there why).
/// </summary>
[Model(Input = [3, "imageSize", "imageSize"])]
public partial class VisionTransformer : nn.Module<Tensor, Tensor>
{
    /// <param name="patchSize">The side of a patch; the image's side must be a multiple of it.</param>
    /// <param name="numLayers">Encoder blocks.</param>
    /// <param name="numHeads">Attention heads; <paramref name="hiddenDim"/> must be a multiple of it.</param>
    /// <param name="hiddenDim">The width of a token.</param>
    /// <param name="mlpDim">The hidden width of each block's MLP.</param>
    /// <param name="dropout">Dropout after the position embedding and in every block.</param>
    /// <param name="attentionDropout">Dropout on the attention weights.</param>
    /// <param name="numClasses">Outputs of <c>heads.head</c>.</param>
    /// <param name="imageSize">The side of the square input image.</param>
    public partial VisionTransformer(int patchSize = 16, int numLayers = 12, int numHeads = 12, int hiddenDim = 768, int mlpDim = 3072,
        double dropout = 0.0, double attentionDropout = 0.0, int numClasses = 1000, int imageSize = 224);

    /// <summary>torchvision's <c>vit_b_16</c>.</summary>
    public static VisionTransformer B16(int numClasses = 1000) => new(16, 12, 12, 768, 3072, numClasses: numClasses);

    /// <summary>torchvision's <c>vit_b_32</c>.</summary>
    public static VisionTransformer B32(int numClasses = 1000) => new(32, 12, 12, 768, 3072, numClasses: numClasses);

    /// <summary>torchvision's <c>vit_l_16</c>.</summary>
    public static VisionTransformer L16(int numClasses = 1000) => new(16, 24, 16, 1024, 4096, numClasses: numClasses);

    /// <summary>torchvision's <c>vit_l_32</c>.</summary>
    public static VisionTransformer L32(int numClasses = 1000) => new(32, 24, 16, 1024, 4096, numClasses: numClasses);

    /// <summary>torchvision's <c>vit_h_14</c>.</summary>
    public static VisionTransformer H14(int numClasses = 1000) => new(14, 32, 16, 1280, 5120, numClasses: numClasses);

    [Conv2d(3, "hiddenDim", "patchSize", Stride = "patchSize"), Flatten(StartDim = 2), Permute(0, 2, 1)]
    public partial Conv2d conv_proj { get; }

    [Parameter(1, 1, "hiddenDim", Use = ParameterUse.Prepend)]
    public partial Parameter class_token { get; }

    [Block("(imageSize / patchSize) * (imageSize / patchSize) + 1", "numLayers", "numHeads", "hiddenDim", "mlpDim", "dropout", "attentionDropout")]
    [Select(1, 0)]
    public partial ViTEncoder encoder { get; }

    [Linear("hiddenDim", "numClasses", Name = "head")]
    public partial Sequential heads { get; }
}
