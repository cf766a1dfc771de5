using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Shapes;

/// <summary>
/// The checks of one layer while they run: keeps the first failure and the notes about what could
/// not be checked, then turns them into a <see cref="ShapeResult"/>. A check whose operands are not
/// all concrete adds a note instead of failing, so an unknown never causes an error.
/// </summary>
internal sealed class LayerCheck
{
    private readonly List<string> notes = new();

    public LayerCheck(string layer) => Layer = layer;

    public string Layer { get; }

    public ShapeFailure? Failure { get; private set; }

    public bool Failed => Failure is not null;

    public void Fail(ShapeFailureKind kind, string message, string expected, string actual) =>
        Failure ??= new ShapeFailure(kind, Layer, message, expected, actual);

    public void Note(string note) => notes.Add(Layer + ": " + note);

    public ShapeResult Finish(TensorShape output) =>
        Failure is { } failure ? ShapeResult.Fail(failure) : ShapeResult.Success(output, notes);

    /// <summary>A failed result, or an unknown-rank output noting why nothing was checked.</summary>
    public ShapeResult FinishUnknownRank(string why)
    {
        Note(why);
        return Finish(TensorShape.UnknownRank);
    }

    /// <summary>
    /// Expands PyTorch's int-or-tuple argument to one value per spatial dimension: one value applies
    /// to all, an empty array means <paramref name="fallback"/>.
    /// </summary>
    public Dim[] PerDimension(EquatableArray<Dim> values, int rank, string argument, Dim[]? fallback)
    {
        if (values.IsEmpty && fallback is not null)
        {
            return fallback;
        }

        if (values.Length == 1)
        {
            return Enumerable.Repeat(values[0], rank).ToArray();
        }

        if (values.Length != rank)
        {
            Fail(ShapeFailureKind.InvalidArgument,
                $"{Layer}: {argument} has {values.Length} values but the layer has {rank} spatial dimension{(rank == 1 ? "" : "s")}",
                $"1 or {rank} values", $"{values.Length} values");
            return Enumerable.Repeat(Dim.Unknown, rank).ToArray();
        }

        return values.ToArray();
    }

    public static Dim[] Repeat(long value, int rank) => Enumerable.Repeat(Dim.Of(value), rank).ToArray();

    /// <summary>Fails when a concrete value is below <paramref name="minimum"/>.</summary>
    public void AtLeast(IEnumerable<Dim> values, long minimum, string argument)
    {
        foreach (Dim value in values)
        {
            if (value.IsKnown && value.Value < minimum)
            {
                Fail(ShapeFailureKind.InvalidArgument, $"{Layer}: {argument} must be at least {minimum}, got {value}",
                    $"≥ {minimum}", value.ToString());
            }
        }
    }

    public void AtLeast(Dim value, long minimum, string argument) => AtLeast(new[] { value }, minimum, argument);

    /// <summary>Checks the sample's rank; false (after failing) when it is wrong.</summary>
    public bool Rank(TensorShape input, int minimum, int maximum, string layout)
    {
        if (input.Rank >= minimum && input.Rank <= maximum)
        {
            return true;
        }

        string wanted = minimum == maximum ? $"{minimum}" : maximum == int.MaxValue ? $"at least {minimum}" : $"{minimum} to {maximum}";
        Fail(ShapeFailureKind.RankMismatch,
            $"{Layer} expects a {layout} sample ({wanted} dimensions) but receives {input}",
            layout, input.ToString());
        return false;
    }

    /// <summary>Checks a channel count the layer declares against the one it receives.</summary>
    public void Channels(Dim declared, Dim received, string what)
    {
        switch (declared.Match(received))
        {
            case DimMatch.Different:
                Fail(ShapeFailureKind.ChannelMismatch, $"{Layer} expects {declared} {what} but receives {received}",
                    received.ToString(), declared.ToString());
                break;
            case DimMatch.Undetermined when !declared.IsUnknown:
                Note($"{what} {declared} not checked against the received {received}");
                break;
        }
    }

    /// <summary>Fails when concrete <paramref name="groups"/> do not divide concrete <paramref name="channels"/>.</summary>
    public void GroupsDivide(Dim groups, Dim channels, string what)
    {
        if (groups.IsKnown && channels.IsKnown && groups.Value > 0)
        {
            if (channels.Value % groups.Value != 0)
            {
                Fail(ShapeFailureKind.GroupsDoNotDivide, $"{Layer}: groups {groups} do not divide {channels} {what}",
                    $"a multiple of {groups}", channels.ToString());
            }
        }
        else if (!(groups.IsKnown && groups.Value == 1))
        {
            Note($"groups {groups} not checked against {channels} {what}");
        }
    }

    /// <summary>Turns PyTorch's dim (which counts the batch dimension) into a sample index; -1 means the batch.</summary>
    public bool BatchedDim(int dim, int sampleRank, string argument, out int sampleIndex)
    {
        int rank = sampleRank + 1;
        int normalized = dim < 0 ? dim + rank : dim;
        sampleIndex = normalized - 1;
        if (normalized < 0 || normalized >= rank)
        {
            Fail(ShapeFailureKind.InvalidArgument,
                $"{Layer}: {argument} {dim} is out of range for a {rank}-dimensional batch (sample {(sampleRank == 0 ? "()" : "rank " + sampleRank)})",
                $"{-rank} to {rank - 1}", dim.ToString());
            return false;
        }

        return true;
    }
}
