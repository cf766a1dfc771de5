using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>The <c>[Gate]</c> multiply and the <c>[Chunk]</c> split of the branches' input.</summary>
internal sealed partial class ShapeWalker
{
    /// <summary>
    /// The outputs of one <c>[Branch]</c> group. Each branch takes the whole input, or, under <c>[Chunk]</c> while its
    /// condition holds, its own chunk; a branch that is absent passes its input on.
    /// </summary>
    private List<TensorShape> WalkBranchGroup(ModelSpec model, IReadOnlyList<MemberSpec> group, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        var inputs = ChunkInputs(model, group.Count, env, input, scope) ?? Enumerable.Repeat(input, group.Count).ToList();
        return group.Select((member, k) => WalkMember(member, env, inputs[k], scope.ForMember(member, IndexOf(model, member)))).ToList();
    }

    /// <summary>A <c>[Branch(Through = …)]</c>: its first member on the group's input, then the members after it through its last.</summary>
    private TensorShape WalkBranchSpan(ModelSpec model, IReadOnlyList<MemberSpec> members, int first, int last, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        var head = WalkMember(members[first], env, input, scope.ForMember(members[first], IndexOf(model, members[first])));
        return WalkRange(model, members, first + 1, last + 1, env, head, scope, spanStart: -1);
    }

    /// <summary>The pieces each branch takes under <c>[Chunk]</c> or <c>[Split]</c>; null when the input is not split.</summary>
    private List<TensorShape>? ChunkInputs(ModelSpec model, int branches, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        if (model.Chunk is not { } chunk)
        {
            return null;
        }

        var split = chunk.When is null ? true : env.Flag(chunk.When);
        if (split == false)
        {
            return null;
        }

        if (split is null)
        {
            _unchecked.Add($"{model.Name}: whether the branches' input is chunked depends on '{chunk.When}'");
            return Enumerable.Repeat(TensorShape.UnknownRank, branches).ToList();
        }

        var name = scope.PathOf(chunk.Sizes.IsEmpty ? "chunk" : "split");
        IReadOnlyList<TensorShape> pieces = Enumerable.Repeat(TensorShape.UnknownRank, branches).ToList();
        var result = Guarded(name, () =>
        {
            var (cut, outcome) = chunk.Sizes.IsEmpty
                ? SampleReductionShapes.Chunk(name, input, chunk.Chunks, chunk.Dim, branches)
                : SampleReductionShapes.Split(name, input, chunk.Sizes.Select(env.Size).ToList(), chunk.Dim);
            pieces = cut;
            return outcome;
        });
        if (result.Failure is { } failure)
        {
            Fail(failure, chunk.Location, scope, chunk.Location);
            return Enumerable.Repeat(TensorShape.UnknownRank, branches).ToList();
        }

        foreach (var note in result.Unchecked)
        {
            _unchecked.Add(note);
        }

        return pieces.ToList();
    }

    /// <summary><c>[Gate]</c>: the path's output multiplies the model's input.</summary>
    private TensorShape WalkGate(ModelSpec model, IReadOnlyList<MemberSpec> path, TensorShape input, TensorShape gate, WalkScope scope)
    {
        var name = scope.PathOf("gate");
        var result = Guarded(name, () => GateShapes.Multiply(name, input, gate));
        if (result.Failure is { } failure)
        {
            // The gate's last layer sets its size, so that is where the mistake usually is.
            var culprit = path.LastOrDefault(m => m.Kind != MemberKind.Field && m.Kind != MemberKind.Parameter)?.Location ?? model.Gate?.Location;
            Fail(failure, culprit, scope, culprit);
            return input;
        }

        foreach (var note in result.Unchecked)
        {
            _unchecked.Add(note);
        }

        Chain(scope, "×gate", result.Shape!);
        return result.Shape!;
    }
}
