using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>
/// The <c>[Gate]</c> multiply and the <c>[Chunk]</c> split, written as a hand-written forward would: one
/// <c>chunk</c> call, each branch on its piece (an absent branch passes its piece to <c>cat</c> as it is, with no
/// alias), one <c>cat</c>, and one <c>mul</c> for the gate.
/// </summary>
internal sealed partial class ForwardEmitter
{
    private string EmitGate(string gate)
    {
        _writer.Line("// [Gate]: the members' output scales the input");
        var gated = Fresh();
        _writer.Line($"var {gated} = input.mul({gate});");
        Release(gate, gated, "input");
        return gated;
    }

    private string EmitChunkedBranches(IReadOnlyList<MemberSpec> group, string input, int dim, ChunkSpec chunk)
    {
        var condition = chunk.When is null ? null : InForward(chunk.When);
        var pieces = Fresh();
        var split = chunk.Sizes.IsEmpty ? $"{input}.chunk({chunk.Chunks}, {chunk.Dim})" : $"{input}.split(new long[] {{ {string.Join(", ", chunk.Sizes.Select(SplitSize))} }}, {chunk.Dim})";
        _writer.Line($"// {chunk.AttributeName}: branch k takes piece k of {split}{(chunk.When is null ? "" : " while " + chunk.When + ", else the whole input")}");
        _writer.Line(condition is null
            ? $"{TensorType}[] {pieces} = {split};"
            : $"{TensorType}[]? {pieces} = {condition} ? {split} : null;");

        var taken = new List<(string Output, string Piece)>();
        for (var k = 0; k < group.Count; k++)
        {
            var piece = Fresh();
            _writer.Line(condition is null ? $"var {piece} = {pieces}[{k}];" : $"var {piece} = {pieces} is null ? {input} : {pieces}[{k}];");
            taken.Add((EmitBranch(group[k], piece), piece));
        }

        var concatenated = Fresh();
        _writer.Line($"var {concatenated} = global::TorchSharp.torch.cat(new[] {{ {string.Join(", ", taken.Select(t => t.Output))} }}, {dim});");
        foreach (var (output, piece) in taken.Where(t => t.Output != t.Piece))
        {
            _writer.Line($"if (!ReferenceEquals({output}, {piece}) && !ReferenceEquals({output}, {concatenated})) {output}.Dispose();");
        }

        var each = Fresh();
        _writer.Line(condition is null
            ? $"foreach (var {each} in {pieces}) {each}.Dispose();"
            : $"if ({pieces} is not null) foreach (var {each} in {pieces}) {each}.Dispose();");
        return concatenated;
    }

    /// <summary>
    /// A group with <c>[Branch(Through = …)]</c> branches: each runs its members in order from the group's input, which it
    /// does not own; what a branch made on the way is disposed once the next member has used it, as on the main path.
    /// </summary>
    private string EmitBranchSpans(IReadOnlyList<MemberSpec> members, IReadOnlyList<(int First, int Last)> branches, string input, int dim)
    {
        var outputs = new List<string>();
        foreach (var (first, last) in branches)
        {
            var head = EmitMember(members[first], input, owned: false);
            if (last == first)
            {
                outputs.Add(head);
                continue;
            }

            var tail = EmitRange(members, first + 1, last + 1, head, spanStart: -1);
            Release(head, tail, input);
            outputs.Add(tail);
        }

        var concatenated = Fresh();
        _writer.Line($"var {concatenated} = global::TorchSharp.torch.cat(new[] {{ {string.Join(", ", outputs)} }}, {dim});");
        foreach (var output in outputs)
        {
            Release(output, concatenated, input);
        }

        return concatenated;
    }

    /// <summary>A branch on its piece; an absent one is the piece itself.</summary>
    private string EmitBranch(MemberSpec member, string piece)
    {
        if (!member.IsOptional)
        {
            return EmitMember(member, piece, owned: false);
        }

        var output = Fresh();
        _writer.Line($"{TensorType} {output};");
        _writer.OpenBlock($"if (this.{member.BackingField} is null)");
        _writer.Line($"{output} = {piece};");
        _writer.CloseBlock();
        _writer.OpenBlock("else");
        _writer.Line($"{output} = {EmitMember(member with { WhenParameter = null }, piece, owned: false)};");
        _writer.CloseBlock();
        return output;
    }

    /// <summary>One of <c>[Split]</c>'s sizes in the forward, where the hyperparameters are fields.</summary>
    private string SplitSize(ArgValue size) => size.Kind switch
    {
        ArgKind.Int => size.ToCSharp(),
        ArgKind.Parameter => "(long)this." + HyperparameterEmitter.Field(_model!.Parameters.First(p => p.Name == size.Text)),
        _ => "(long)(" + InForward(size.Text!) + ")",
    };

    /// <summary>A hyperparameter expression (a condition, a size) in the forward, where the hyperparameters are fields.</summary>
    private string InForward(string expression) =>
        Expressions.ExpressionText.ToCSharp(expression, name => "this." + HyperparameterEmitter.Field(_model!.Parameters.First(p => p.Name == name)));
}
