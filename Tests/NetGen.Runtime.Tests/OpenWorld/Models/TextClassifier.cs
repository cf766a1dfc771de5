using NetGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// Embedding → LSTM → Linear on the last step. The LSTM has no NetGen attribute: a factory builds it from the
/// hyperparameters, and its contract lets the members be checked; the forward is hand-written because an
/// LSTM returns a tuple.
/// </summary>
[Model(Input = [7])]
public partial class TextClassifier : nn.Module<Tensor, Tensor>
{
    public partial TextClassifier(int vocab = 1000, int embed = 32, int hidden = 48, int classes = 4);

    [Embedding("vocab", "embed")]
    public partial Embedding embedding { get; }

    [Factory(nameof(CreateRnn))]
    [Contract(Input = ["seq", "embed"], Output = ["seq", "hidden"])]
    public partial LSTM rnn { get; }

    [Linear("hidden", "classes")]
    public partial Linear head { get; }

    private static LSTM CreateRnn(int embed, int hidden) => nn.LSTM(embed, hidden, batchFirst: true);

    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var (output, _, _) = rnn.call(embedding.call(tokens));
        return head.call(output[.., -1, ..]).MoveToOuterDisposeScope();
    }
}
