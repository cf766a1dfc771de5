using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary><c>[Residual]</c> on a member: the span runs from its input, which it keeps for the add.</summary>
internal sealed partial class ForwardEmitter
{
    /// <summary>
    /// The span's members with <paramref name="x"/> as a start they do not own (so none overwrites or disposes it), then
    /// <c>span + x</c>. The caller disposes <paramref name="x"/> once the result exists, as after any member.
    /// </summary>
    private string EmitResidualSpan(IReadOnlyList<MemberSpec> members, int start, int end, ResidualSpanSpec span, string x)
    {
        _writer.Line($"// shortcut around {members[start].Name} … {span.Through}");
        var output = EmitRange(members, start, end + 1, x, spanStart: start);
        var sum = Fresh();
        if (span.When is null)
        {
            _writer.Line($"var {sum} = {output}.add({x});");
            Release(output, sum, x);
            return EmitActivation(span.Activation, sum);
        }

        // As for [Residual] on a model, the activation belongs to the add: without the add, the span's output is the result.
        var condition = InForward(span.When);
        var result = Fresh();
        _writer.Line($"{TensorType} {result};");
        _writer.OpenBlock($"if ({condition})");
        _writer.Line($"var {sum} = {output}.add({x});");
        Release(output, sum, x);
        _writer.Line($"{result} = {EmitActivation(span.Activation, sum)};");
        _writer.CloseBlock();
        _writer.OpenBlock("else");
        _writer.Line($"{result} = {output};");
        _writer.CloseBlock();
        return result;
    }
}
