using System.Collections.Generic;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary><c>[Residual]</c> on a member: the span's output plus its input, which must have the same shape.</summary>
internal sealed partial class ShapeWalker
{
    private TensorShape WalkResidualSpan(ModelSpec model, IReadOnlyList<MemberSpec> members, int start, int end, ResidualSpanSpec span, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        var failures = _failures.Count;
        var output = WalkRange(model, members, start, end + 1, env, input, scope, spanStart: start);
        var present = span.When is null ? true : env.Flag(span.When);
        if (present == false || _failures.Count > failures)
        {
            // Without the add, or after a mistake inside the span that the add would only repeat.
            return output;
        }

        if (present is null)
        {
            var around = span.Through == members[start].Name ? $"'{span.Through}'" : $"'{members[start].Name}' … '{span.Through}'";
            _unchecked.Add($"{model.Name}: the residual add around {around} depends on '{span.When}'");
            return output;
        }

        // Named after the whole span, not "member.add", so that no code fix takes it for the add of a block at members[start].
        var name = scope.PathOf(members[start].Name + (span.Through == members[start].Name ? "" : "…" + span.Through) + " shortcut");
        var added = Guarded(name, () => MergeShapes.Add(name, output, input));
        if (added.Failure is { } failure)
        {
            Fail(failure, members[start].Location, scope, members[start].Location);
            return output;
        }

        foreach (var note in added.Unchecked)
        {
            _unchecked.Add(note);
        }

        Chain(scope, "add", added.Shape!);
        return added.Shape!;
    }
}
