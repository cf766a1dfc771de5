using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's MaxViT <c>RelativePositionalMultiHeadAttention</c>, written by hand in TorchSharp with no NetGen
/// attribute: self-attention within each group of tokens, <c>[B, G, P, D]</c> → <c>[B, G, P, D]</c>, plus a learned
/// bias per head for every relative offset inside a <c>size × size</c> partition, gathered through an index buffer.
/// It is hand-written for the reason Swin's attention is (<see cref="ShiftedWindowAttention"/>): the bias gathered
/// through a buffer is a tensor program, and NetGen has no declared buffers. Its entries are torchvision's, in
/// torchvision's order: the bias table, the index, then <c>to_qkv</c> and <c>merge</c>.
/// </summary>
public sealed class RelativePositionalAttention : nn.Module<Tensor, Tensor>
{
    private readonly long _heads;
    private readonly long _headDim;
    private readonly long _size;
    private readonly double _scale;

    // Fields named as torchvision names the entries (TorchSharp also registers a module's fields by reflection).
    private readonly Linear to_qkv;
    private readonly Linear merge;

    /// <param name="featDim">Channels of each token.</param>
    /// <param name="headDim">Channels per head; <paramref name="featDim"/> must be a multiple.</param>
    /// <param name="size">The side of a partition: each group holds <c>size²</c> tokens.</param>
    public RelativePositionalAttention(long featDim, long headDim, long size) : base(nameof(RelativePositionalAttention))
    {
        if (headDim <= 0 || featDim % headDim != 0)
        {
            throw new ArgumentException($"{nameof(RelativePositionalAttention)}: featDim {featDim} is not a multiple of headDim {headDim}.", nameof(headDim));
        }

        _heads = featDim / headDim;
        _headDim = headDim;
        _size = size;
        // torchvision scales by the whole width, feat_dim ** -0.5, not by a head's.
        _scale = Math.Pow(featDim, -0.5);
        to_qkv = nn.Linear(featDim, _heads * headDim * 3);
        merge = nn.Linear(_heads * headDim, featDim);
        var table = torch.zeros((2 * size - 1) * (2 * size - 1), _heads);
        nn.init.trunc_normal_(table, std: 0.02);
        register_parameter("relative_position_bias_table", new Parameter(table));
        register_buffer("relative_position_index", WindowGeometry.RelativePositionIndex(size).view(size * size, size * size));
        register_module("to_qkv", to_qkv);
        register_module("merge", merge);
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (batch, groups, tokens, channels) = (x.size(0), x.size(1), x.size(2), x.size(3));
        Tensor Heads(Tensor t) => t.reshape(batch, groups, tokens, _heads, _headDim).permute(0, 1, 3, 2, 4);
        var qkv = to_qkv.call(x).chunk(3, -1);
        var (q, k, v) = (Heads(qkv[0]), Heads(qkv[1]).mul(_scale), Heads(qkv[2]));
        var index = get_buffer("relative_position_index")!.view(-1);
        var bias = WindowGeometry.GatherBias(get_parameter("relative_position_bias_table")!, index, _size);
        var attention = Attention.Scores(q, k).add(bias).softmax(-1);
        var output = Attention.Apply(attention, v).permute(0, 1, 3, 2, 4).reshape(batch, groups, tokens, channels);
        return merge.call(output).MoveToOuterDisposeScope();
    }
}
