using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's MaxViT <c>PartitionAttentionLayer</c>: splits a <c>[C, H, W]</c> map into groups of tokens, either
/// windows of <c>partitionSize²</c> neighbours or (with <c>grid</c>) a <c>partitionSize²</c> grid of tokens spread over
/// the whole map, and runs pre-norm attention and an MLP on each group, each with a shortcut. The members and their
/// entries are declared; the forward is hand-written, because the partition is reshapes and permutes whose sizes come
/// from the input, with the two shortcuts around the attention and the MLP in the partitioned layout.
/// </summary>
[Model(Input = ["channels", 56, 56])]
public partial class PartitionAttention : nn.Module<Tensor, Tensor>
{
    /// <param name="channels">Channels of the map.</param>
    /// <param name="headDim">Channels per attention head.</param>
    /// <param name="partitionSize">The side of a window, or of the grid.</param>
    /// <param name="grid">Grid attention (tokens spread over the map) rather than window attention.</param>
    /// <param name="stochasticDepthProb">The probability that a shortcut's branch is dropped in training.</param>
    /// <param name="mlpRatio">The MLP's hidden width, in multiples of <paramref name="channels"/>.</param>
    public partial PartitionAttention(int channels = 64, int headDim = 32, int partitionSize = 7, bool grid = false,
        double stochasticDepthProb = 0.0, int mlpRatio = 4);

    [LayerNorm("channels")]
    [Block<RelativePositionalAttention>("channels", "headDim", "partitionSize")]
    [Dropout(0.0)]
    public partial Sequential attn_layer { get; }

    [LayerNorm("channels"), Linear("channels", "channels * mlpRatio"), GELU, Linear("channels * mlpRatio", "channels"), Dropout(0.0)]
    public partial Sequential mlp_layer { get; }

    [StochasticDepth("stochasticDepthProb", "row")]
    public partial NetGen.StochasticDepth stochastic_dropout { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (height, width) = (x.size(2), x.size(3));
        // torchvision's p: a window's side, or for the grid the number of partitions along a side.
        var side = grid ? height / partitionSize : partitionSize;
        var groups = Partitions.Split(x, side);
        if (grid)
        {
            groups = groups.swapaxes(-2, -3);
        }

        groups = groups.add(stochastic_dropout.call(attn_layer.call(groups)));
        groups = groups.add(stochastic_dropout.call(mlp_layer.call(groups)));
        if (grid)
        {
            groups = groups.swapaxes(-2, -3);
        }

        return Partitions.Join(groups, side, height / side, width / side).MoveToOuterDisposeScope();
    }
}

/// <summary>torchvision's MaxViT <c>WindowPartition</c> and <c>WindowDepartition</c>.</summary>
internal static class Partitions
{
    /// <summary><c>[B, C, H, W]</c> → <c>[B, (H/p)·(W/p), p·p, C]</c>: the map's p×p windows, each a group of tokens.</summary>
    public static Tensor Split(Tensor x, long p)
    {
        var (batch, channels, height, width) = (x.size(0), x.size(1), x.size(2), x.size(3));
        return x.reshape(batch, channels, height / p, p, width / p, p).permute(0, 2, 4, 3, 5, 1)
            .reshape(batch, height / p * (width / p), p * p, channels);
    }

    /// <summary>The inverse of <see cref="Split"/>, for <paramref name="rows"/> × <paramref name="columns"/> windows.</summary>
    public static Tensor Join(Tensor x, long p, long rows, long columns)
    {
        var (batch, channels) = (x.size(0), x.size(3));
        return x.reshape(batch, rows, columns, p, p, channels).permute(0, 5, 1, 3, 2, 4).reshape(batch, channels, rows * p, columns * p);
    }
}
