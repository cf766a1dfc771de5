using NetGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// The text classifier of issue 11's report, at its sizes: Embedding(10000, 128) → LSTM(128, 128) → Linear(128, 4),
/// 1,412,612 parameters of which 132,096 are the LSTM's. Unlike <see cref="TextClassifier"/> its forward is
/// generated: the LSTM is wrapped so that it maps a sequence to its last step, and the wrapper's contract
/// carries the shape on to the head.
/// </summary>
[Model(Input = [12])]
public partial class NewsClassifier : nn.Module<Tensor, Tensor>
{
    public partial NewsClassifier(int vocab = 10000, int embed = 128, int hidden = 128, int classes = 4);

    [Embedding("vocab", "embed")]
    public partial Embedding embedding { get; }

    [Factory(nameof(CreateEncoder))]
    [Contract(Input = ["seq", "embed"], Output = ["hidden"])]
    public partial LastStep encoder { get; }

    [Linear("hidden", "classes")]
    public partial Linear head { get; }

    private static LastStep CreateEncoder(int embed, int hidden) => new(nn.LSTM(embed, hidden, batchFirst: true));
}

/// <summary>Runs an LSTM over a batch-first sequence and returns the output at the last step.</summary>
public sealed class LastStep : nn.Module<Tensor, Tensor>
{
    private readonly LSTM lstm;

    public LastStep(LSTM lstm) : base(nameof(LastStep))
    {
        this.lstm = lstm;
        RegisterComponents();
    }

    public override Tensor forward(Tensor sequence)
    {
        using var scope = NewDisposeScope();
        var (output, _, _) = lstm.call(sequence);
        return output[.., -1, ..].MoveToOuterDisposeScope();
    }
}
