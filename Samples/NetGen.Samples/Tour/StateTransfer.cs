using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Samples.Tour;

/// <summary>What <see cref="StateTransfer.CopyMatching"/> copied and what it skipped, and why.</summary>
public sealed record TransferReport(IReadOnlyList<string> Copied, IReadOnlyList<(string Key, string Reason)> Skipped);

/// <summary>Copies state-dict entries between models whose architectures partly agree.</summary>
public static class StateTransfer
{
    /// <summary>
    /// Copies every entry of <paramref name="source"/>'s state dict into <paramref name="target"/>'s entry of
    /// the same key when the shapes and dtypes match; reports the others (a key only one side has, or a
    /// shape or dtype that differs) as skipped.
    /// </summary>
    public static TransferReport CopyMatching(nn.Module source, nn.Module target)
    {
        var from = source.state_dict();
        var to = target.state_dict();
        var copied = new List<string>();
        var skipped = new List<(string, string)>();
        using (no_grad())
        {
            foreach (var (key, dst) in to)
            {
                if (!from.TryGetValue(key, out var src))
                    skipped.Add((key, "not in the source"));
                else if (!src.shape.SequenceEqual(dst.shape))
                    skipped.Add((key, $"shape [{string.Join(", ", src.shape)}] → [{string.Join(", ", dst.shape)}]"));
                else if (src.dtype != dst.dtype)
                    skipped.Add((key, $"dtype {src.dtype} → {dst.dtype}"));
                else
                {
                    dst.copy_(src);
                    copied.Add(key);
                }
            }
            foreach (var key in from.Keys.Where(k => !to.ContainsKey(k)))
                skipped.Add((key, "not in the target"));
        }
        return new TransferReport(copied, skipped);
    }
}
