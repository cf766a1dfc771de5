using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// A keyword-spotting net as an audio PyTorch user writes it: 1-d convolutions and <c>F.max_pool1d</c> over 40 mel
/// bands, a GRU in a plain field built by TorchSharp's factory, mean and max over time concatenated, sizes omitted.
/// </summary>
[Model(Input = [40, 100])]
public partial class KeywordNet : nn.Module<Tensor, Tensor>
{
    public partial KeywordNet(int words = 12);

    [Conv1d(40, 64, 5, Padding = 2)] public partial Conv1d conv1 { get; }

    [BatchNorm1d] public partial BatchNorm1d bn1 { get; }

    [Conv1d(48, 3, Padding = 1)] public partial Conv1d conv2 { get; }

    [BatchNorm1d] public partial BatchNorm1d bn2 { get; }

    [Linear("words")] public partial Linear head { get; }

    private readonly GRU gru = nn.GRU(48, 32, batchFirst: true);

    private static Tensor Stage(Conv1d conv, BatchNorm1d norm, Tensor x) =>
        nn.functional.max_pool1d(nn.functional.relu(norm.call(conv.call(x))), 2);

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        x = Stage(conv2, bn2, Stage(conv1, bn1, x));
        var (sequence, _) = gru.call(x.transpose(1, 2));
        var pooled = cat(new[] { sequence.mean(new long[] { 1 }), sequence.amax(new long[] { 1 }) }, 1);
        return head.call(pooled).MoveToOuterDisposeScope();
    }
}
