using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Samples.Tour;

/// <summary>
/// The four coarse groups the tour's second model predicts: tops {T-shirt/top, Pullover, Dress, Coat,
/// Shirt}, bottoms {Trouser}, footwear {Sandal, Sneaker, Ankle boot} and bags {Bag}. A dress is counted as
/// a top (it covers the upper body; the other choice would make "bottoms" as ambiguous).
/// </summary>
public static class CoarseGroups
{
    public static readonly string[] Names = ["tops", "bottoms", "footwear", "bags"];

    /// <summary>Fine class (0–9) → coarse group (0–3).</summary>
    public static readonly long[] OfClass =
    [
        0, // 0 T-shirt/top
        1, // 1 Trouser
        0, // 2 Pullover
        0, // 3 Dress
        0, // 4 Coat
        2, // 5 Sandal
        0, // 6 Shirt
        2, // 7 Sneaker
        3, // 8 Bag
        2, // 9 Ankle boot
    ];

    /// <summary>Maps a tensor of fine labels to coarse labels.</summary>
    public static Tensor Map(Tensor labels)
    {
        using var table = tensor(OfClass);
        return table.index_select(0, labels);
    }
}
