using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// The fixed tensors of Swin's window attention, computed as torchvision computes them: which table row holds the
/// bias of each pair of tokens in a window, v2's log-spaced relative coordinates, and the mask that keeps the shifted
/// windows' attention inside the regions the cyclic shift brought together.
/// </summary>
internal static class WindowGeometry
{
    /// <summary>
    /// For tokens i = (hi, wi) and j = (hj, wj) of a window, the row <c>(hi - hj + w - 1) * (2w - 1) + (wi - wj + w - 1)</c>
    /// of the bias table: torchvision's <c>relative_position_index</c>, flattened to <c>[N * N]</c> (int64).
    /// </summary>
    public static Tensor RelativePositionIndex(long window)
    {
        var tokens = checked(window * window);
        var index = new long[checked(tokens * tokens)];
        for (var i = 0L; i < tokens; i++)
        {
            for (var j = 0L; j < tokens; j++)
            {
                var rows = i / window - j / window + window - 1;
                var columns = i % window - j % window + window - 1;
                index[i * tokens + j] = rows * (2 * window - 1) + columns;
            }
        }

        return torch.tensor(index);
    }

    /// <summary>Each head's bias for every pair of tokens, <c>[1, heads, N, N]</c>, gathered from a <c>[rows, heads]</c> table.</summary>
    public static Tensor GatherBias(Tensor table, Tensor index, long window)
    {
        var tokens = window * window;
        return table.index_select(0, index).view(tokens, tokens, -1).permute(2, 0, 1).contiguous().unsqueeze(0);
    }

    /// <summary>
    /// Swin v2's <c>relative_coords_table</c>, <c>[1, 2w - 1, 2w - 1, 2]</c>: every relative offset scaled to ±8 and
    /// compressed by <c>sign(x) * log2(|x| + 1) / 3</c>, in float32 as torchvision computes it.
    /// </summary>
    public static Tensor LogSpacedCoordinates(long window)
    {
        using var scope = torch.NewDisposeScope();
        var offsets = torch.arange(-(window - 1), window, dtype: ScalarType.Float32).div(window - 1).mul(8);
        var grid = torch.meshgrid(new[] { offsets, offsets }, indexing: "ij");
        var table = torch.stack(grid).permute(1, 2, 0).contiguous().unsqueeze(0);
        return table.sign().mul(table.abs().add(1.0).log2()).div(3.0).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The additive mask of the shifted windows, <c>[windows, N, N]</c>: 0 where two tokens came from the same region of
    /// the unshifted map, -100 where the cyclic shift put them side by side. The regions are the three bands of each axis
    /// that torchvision's slices <c>[0:-w]</c>, <c>[-w:-shift]</c>, <c>[-shift:]</c> mark, with Python's slice semantics.
    /// </summary>
    public static Tensor ShiftMask(long height, long width, long window, long shiftH, long shiftW, ScalarType dtype, Device device)
    {
        var bandsH = Bands(height, window, shiftH);
        var bandsW = Bands(width, window, shiftW);
        var region = new float[checked(height * width)];
        var label = 0;
        foreach (var (top, bottom) in bandsH)
        {
            foreach (var (left, right) in bandsW)
            {
                for (var r = top; r < bottom; r++)
                {
                    for (var c = left; c < right; c++)
                    {
                        region[r * width + c] = label;
                    }
                }

                label++;
            }
        }

        using var scope = torch.NewDisposeScope();
        var windows = height / window * (width / window);
        var labels = torch.tensor(region).view(height / window, window, width / window, window)
            .permute(0, 2, 1, 3).reshape(windows, window * window);
        var differs = labels.unsqueeze(1).sub(labels.unsqueeze(2)).ne(0);
        return torch.zeros(differs.shape, dtype: dtype).masked_fill(differs, -100.0).to(device).MoveToOuterDisposeScope();
    }

    /// <summary>The three slices <c>[0:-window]</c>, <c>[-window:-shift]</c>, <c>[-shift:]</c> of an axis, as half-open ranges.</summary>
    private static (long Start, long Stop)[] Bands(long length, long window, long shift) => new[]
    {
        Slice(length, 0, -window),
        Slice(length, -window, -shift),
        Slice(length, -shift, null),
    };

    /// <summary>Python's <c>[start:stop]</c> on an axis of <paramref name="length"/>: negative bounds count from the end, <c>-0</c> is 0.</summary>
    private static (long Start, long Stop) Slice(long length, long start, long? stop)
    {
        static long Bound(long value, long length) => Math.Clamp(value < 0 ? value + length : value, 0, length);
        var from = Bound(start, length);
        var to = stop is { } end ? Bound(end, length) : length;
        return (from, Math.Max(from, to));
    }
}
