using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>A learnable tensor that the generated forward adds or prepends where it is declared (<c>[Parameter(Use = …)]</c>).</summary>
internal sealed partial class ShapeWalker
{
    private TensorShape WalkParameterUse(MemberSpec member, ParameterUseSpec use, string path, TensorShape parameter, TensorShape input, WalkScope scope)
    {
        if (input.IsRankKnown && parameter.IsRankKnown && parameter.Rank == input.Rank + 1 && parameter[0].IsKnown && !parameter[0].IsOne)
        {
            FailAtMostBatches(path, use, parameter, member.Location, scope);
        }

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

    /// <summary>
    /// A parameter whose first dimension k (not 1) meets the batch: the add or multiply broadcasts with a batch of 1 or k
    /// only, and the prepend's <c>expand(batch, …)</c> fits a batch of k only. [Model] leaves the batch free, so this is
    /// NG0113, the warning of a forward that fits particular batch sizes, as a hand-written forward's second pass gives it;
    /// the shapes after it are still not followed (the note of <see cref="TokenShapes"/>).
    /// </summary>
    private void FailAtMostBatches(string path, ParameterUseSpec use, TensorShape parameter, LocationInfo? location, WalkScope scope)
    {
        var rows = parameter[0].ToString();
        var message = use.Kind == ParameterUseKind.Prepend
            ? $"{path}: expand: the parameter's first dimension, {rows}, cannot be expanded to the batch ({parameter}); it fits a batch of {rows} only"
            : $"{path}: {(use.Kind == ParameterUseKind.Add ? "add" : "multiply")}: the parameter's first dimension, {rows}, meets the batch ({parameter}); it broadcasts with a batch of 1 or {rows} only";
        var failure = new ShapeFailure(ShapeFailureKind.InvalidArgument, path, message, "1", rows);
        _failures.Add(new WalkFailure(failure, scope.UseSite ?? location, _chain.Format(ChainSteps), scope.BlockName, scope.UseSite is null ? null : location)
        {
            BatchSpecific = true,
        });
    }
}
