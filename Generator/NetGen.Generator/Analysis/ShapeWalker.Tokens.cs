using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>A learnable tensor that the generated forward adds or prepends where it is declared (<c>[Parameter(Use = …)]</c>).</summary>
internal sealed partial class ShapeWalker
{
    private TensorShape WalkParameterUse(MemberSpec member, ParameterUseSpec use, string path, TensorShape parameter, TensorShape input, WalkScope scope)
    {
        var result = use.Kind == ParameterUseKind.Prepend
            ? Guarded(path, () => TokenShapes.Prepend(path, input, parameter, use.Dim))
            : Guarded(path, () => TokenShapes.Broadcast(path, input, parameter, use.Kind == ParameterUseKind.Add ? "add" : "multiply"));
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
        Chain(scope, use.Kind switch { ParameterUseKind.Add => "+ ", ParameterUseKind.Multiply => "* ", _ => "cat " } + member.Name, output);
        return output;
    }
}
