using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>A learnable tensor that the generated forward adds or prepends where it is declared (<c>[Parameter(Use = …)]</c>).</summary>
internal sealed partial class ShapeWalker
{
    private TensorShape WalkParameterUse(MemberSpec member, ParameterUseSpec use, string path, TensorShape parameter, TensorShape input, WalkScope scope)
    {
        var result = use.Kind == ParameterUseKind.Add
            ? Guarded(path, () => TokenShapes.Add(path, input, parameter))
            : Guarded(path, () => TokenShapes.Prepend(path, input, parameter, use.Dim));
        foreach (var note in result.Unchecked)
        {
            _unchecked.Add(note);
        }

        if (result.Failure is { } failure)
        {
            Fail(failure, member.Location, scope, member.Location);
            return TensorShape.UnknownRank;
        }

        var output = result.Shape ?? TensorShape.UnknownRank;
        Chain(scope, use.Kind == ParameterUseKind.Add ? "+ " + member.Name : "cat " + member.Name, output);
        return output;
    }
}
