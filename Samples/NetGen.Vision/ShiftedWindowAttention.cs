using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>ShiftedWindowAttention</c> (Swin v1), written by hand in TorchSharp with no NetGen attribute: the
/// part of swin that is a tensor program rather than a composition of layers (partition into windows, cyclic shift,
/// the shifted windows' attention mask, a relative position bias gathered through an index buffer). The Swin block
/// uses it as a <c>[Block]</c> of a module NetGen does not know, with a <c>[Contract]</c> saying it keeps the shape.
/// Its entries are torchvision's, in torchvision's order: the bias table, the index buffer, then <c>qkv</c> and <c>proj</c>.
/// Windows and shifts are square, as in every torchvision variant.
/// </summary>
public class ShiftedWindowAttention : nn.Module<Tensor, Tensor>
{
    private readonly long _shiftSize;
    private readonly double _attentionDropout;
    private readonly double _dropout;

    /// <param name="dim">Channels of the input (its last dimension).</param>
    /// <param name="windowSize">The side of a window, in tokens.</param>
    /// <param name="shiftSize">The cyclic shift before partitioning: 0, or half the window in every other block.</param>
    /// <param name="numHeads">Attention heads; <paramref name="dim"/> must be a multiple.</param>
    /// <param name="attentionDropout">Dropout on the attention weights.</param>
    /// <param name="dropout">Dropout on the output.</param>
    public ShiftedWindowAttention(long dim, long windowSize, long shiftSize, long numHeads, double attentionDropout = 0.0, double dropout = 0.0)
        : this(nameof(ShiftedWindowAttention), dim, windowSize, shiftSize, numHeads, attentionDropout, dropout)
    {
        var table = torch.zeros((2 * windowSize - 1) * (2 * windowSize - 1), numHeads);
        nn.init.trunc_normal_(table, std: 0.02);
        register_parameter("relative_position_bias_table", new Parameter(table));
        register_buffer("relative_position_index", WindowGeometry.RelativePositionIndex(windowSize));
        RegisterLinears();
    }

    /// <summary>For <see cref="ShiftedWindowAttentionV2"/>, which registers its own entries before the linears.</summary>
    protected ShiftedWindowAttention(string name, long dim, long windowSize, long shiftSize, long numHeads, double attentionDropout, double dropout)
        : base(name)
    {
        if (dim % numHeads != 0)
        {
            throw new ArgumentException($"{name}: dim {dim} is not a multiple of numHeads {numHeads}.", nameof(numHeads));
        }

        WindowSize = windowSize;
        _shiftSize = shiftSize;
        NumHeads = numHeads;
        _attentionDropout = attentionDropout;
        _dropout = dropout;
        qkv = nn.Linear(dim, dim * 3);
        proj = nn.Linear(dim, dim);
    }

    /// <summary>The side of a window, in tokens.</summary>
    protected long WindowSize { get; }

    /// <summary>Attention heads.</summary>
    protected long NumHeads { get; }

    // Fields named as torchvision names the entries: TorchSharp also registers a module's fields by reflection when it
    // lists its state, and an auto-property's backing field would appear as a second, wrongly named copy.

    /// <summary>The query, key and value projection, <c>attn.qkv</c>.</summary>
    protected readonly Linear qkv;

    /// <summary>The output projection, <c>attn.proj</c>.</summary>
    protected readonly Linear proj;

    /// <summary>Registers <see cref="qkv"/> and <see cref="proj"/> after the module's own entries, as torchvision's state dict lists them.</summary>
    protected void RegisterLinears()
    {
        register_module("qkv", qkv);
        register_module("proj", proj);
    }

    /// <summary>The heads' bias for every pair of tokens in a window, <c>[1, heads, N, N]</c> with N = window².</summary>
    protected virtual Tensor RelativePositionBias() =>
        WindowGeometry.GatherBias(get_parameter("relative_position_bias_table")!, get_buffer("relative_position_index")!, WindowSize);

    /// <summary>The attention logits of one window's queries and keys (v1: scaled dot products).</summary>
    protected virtual Tensor Logits(Tensor q, Tensor k) => Attention.Scores(q.mul(Math.Pow(q.size(-1), -0.5)), k);

    /// <summary>The bias of the qkv projection as the forward uses it (v2 zeroes the keys' third).</summary>
    protected virtual Tensor? QkvBias() => qkv.bias;

    /// <summary>Attention within each (shifted) window of an <c>[N, H, W, C]</c> input; the output has its shape.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var (batch, height, width, channels) = (input.size(0), input.size(1), input.size(2), input.size(3));
        var window = WindowSize;
        // Pad to whole windows; a window as large as the padded map needs no shift.
        var padRight = (window - width % window) % window;
        var padBottom = (window - height % window) % window;
        var x = F.pad(input, new[] { 0L, 0, 0, padRight, 0, padBottom });
        var (paddedHeight, paddedWidth) = (x.size(1), x.size(2));
        var shiftH = window >= paddedHeight ? 0 : _shiftSize;
        var shiftW = window >= paddedWidth ? 0 : _shiftSize;
        var shifted = shiftH + shiftW > 0;
        if (shifted)
        {
            x = x.roll(new[] { -shiftH, -shiftW }, new[] { 1L, 2 });
        }

        var windows = paddedHeight / window * (paddedWidth / window);
        x = x.view(batch, paddedHeight / window, window, paddedWidth / window, window, channels)
            .permute(0, 1, 3, 2, 4, 5).reshape(batch * windows, window * window, channels);
        var tokens = x.size(1);
        var qkvOut = F.linear(x, qkv.weight!, QkvBias())
            .reshape(x.size(0), tokens, 3, NumHeads, channels / NumHeads).permute(2, 0, 3, 1, 4);
        var attention = Logits(qkvOut[0], qkvOut[1]).add(RelativePositionBias());
        if (shifted)
        {
            var mask = WindowGeometry.ShiftMask(paddedHeight, paddedWidth, window, shiftH, shiftW, attention.dtype, attention.device);
            attention = attention.view(x.size(0) / windows, windows, NumHeads, tokens, tokens)
                .add(mask.unsqueeze(1).unsqueeze(0)).view(-1, NumHeads, tokens, tokens);
        }

        attention = F.dropout(attention.softmax(-1), _attentionDropout, training);
        x = Attention.Apply(attention, qkvOut[2]).transpose(1, 2).reshape(x.size(0), tokens, channels);
        x = F.dropout(F.linear(x, proj.weight!, proj.bias), _dropout, training);
        x = x.view(batch, paddedHeight / window, paddedWidth / window, window, window, channels)
            .permute(0, 1, 3, 2, 4, 5).reshape(batch, paddedHeight, paddedWidth, channels);
        if (shifted)
        {
            x = x.roll(new[] { shiftH, shiftW }, new[] { 1L, 2 });
        }

        return x[.., ..(int)height, ..(int)width, ..].contiguous().MoveToOuterDisposeScope();
    }
}

/// <summary>
/// torchvision's <c>ShiftedWindowAttentionV2</c> (Swin v2): cosine attention with a learned, clamped logit scale, and a
/// bias computed by a small MLP (<c>cpb_mlp</c>) from log-spaced relative coordinates instead of a table.
/// </summary>
public sealed class ShiftedWindowAttentionV2 : ShiftedWindowAttention
{
    /// <inheritdoc cref="ShiftedWindowAttention(long, long, long, long, double, double)"/>
    public ShiftedWindowAttentionV2(long dim, long windowSize, long shiftSize, long numHeads, double attentionDropout = 0.0, double dropout = 0.0)
        : base(nameof(ShiftedWindowAttentionV2), dim, windowSize, shiftSize, numHeads, attentionDropout, dropout)
    {
        register_parameter("logit_scale", new Parameter(torch.ones(numHeads, 1, 1).mul(10).log()));
        register_buffer("relative_coords_table", WindowGeometry.LogSpacedCoordinates(windowSize));
        register_buffer("relative_position_index", WindowGeometry.RelativePositionIndex(windowSize));
        RegisterLinears();
        cpb_mlp = nn.Sequential(("0", nn.Linear(2, 512)), ("1", nn.ReLU(inplace: true)), ("2", nn.Linear(512, numHeads, hasBias: false)));
        register_module("cpb_mlp", cpb_mlp);
        using (torch.no_grad())
        {
            qkv.bias![TensorIndex.Slice(dim, 2 * dim)].zero_();
        }
    }

    /// <summary>The MLP that turns relative coordinates into each head's bias, <c>attn.cpb_mlp</c>.</summary>
    private readonly Sequential cpb_mlp;

    protected override Tensor RelativePositionBias()
    {
        var table = cpb_mlp.call(get_buffer("relative_coords_table")!).view(-1, NumHeads);
        return WindowGeometry.GatherBias(table, get_buffer("relative_position_index")!, WindowSize).sigmoid().mul(16);
    }

    protected override Tensor Logits(Tensor q, Tensor k)
    {
        var cosine = Attention.Scores(F.normalize(q, dim: -1), F.normalize(k, dim: -1));
        return cosine.mul(get_parameter("logit_scale")!.clamp(max: Math.Log(100.0)).exp());
    }

    protected override Tensor? QkvBias()
    {
        // torchvision keeps the keys' bias at zero in the forward as well, whatever the loaded values are.
        if (qkv.bias is null)
        {
            return null;
        }

        var bias = qkv.bias.clone();
        var third = bias.numel() / 3;
        bias[TensorIndex.Slice(third, 2 * third)] = torch.zeros(third, dtype: bias.dtype, device: bias.device);
        return bias;
    }
}
