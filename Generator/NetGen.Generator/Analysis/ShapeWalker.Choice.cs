using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

internal sealed partial class ShapeWalker
{
    /// <summary>
    /// The stage a member with alternative <c>[Repeat&lt;T&gt;(When = …)]</c> builds here: the one alternative whose condition
    /// holds, or null while a condition is not known (a parameter without a default, a block checked on its own) or none
    /// holds. The alternatives themselves are checked against each other when they are parsed (NG0041).
    /// </summary>
    public static RepeatSpec? ChosenRepeat(MemberSpec member, ShapeEnvironment env)
    {
        if (member.Repeat is { } repeat)
        {
            return repeat;
        }

        var holding = member.Choices.Select(c => (Choice: c, Holds: env.Flag(c.When!))).ToList();
        return holding.Any(h => h.Holds is null) || holding.Count(h => h.Holds == true) != 1 ? null : holding.First(h => h.Holds == true).Choice;
    }

    /// <summary>
    /// A member with alternative stages: the chosen one is walked as a plain <c>[Repeat&lt;T&gt;]</c>. Where the choice is
    /// not known, nothing after the member is (noted as unchecked, never an error), and its state is read at run time.
    /// </summary>
    private TensorShape WalkChoice(MemberSpec member, string path, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        if (ChosenRepeat(member, env) is { } chosen)
        {
            return WalkRepeat(member with { Repeat = chosen, Choices = EquatableArray<RepeatSpec>.Empty }, path, env, input, scope);
        }

        var undecided = member.Choices.Where(c => env.Flag(c.When!) is null).Select(c => $"'{c.When}'").ToList();
        _unchecked.Add(undecided.Count > 0
            ? $"{path}: which of its [Repeat] alternatives is built depends on {string.Join(" and ", undecided)}"
            : $"{path}: none of its [Repeat] alternatives holds with these hyperparameters, so building it throws");
        if (scope.Top)
        {
            _opaquePrefixes.Add(path);
            _builtAtRunTime.Add(path);
        }

        _rows.Add(new SummaryRow(path, "Sequential", scope.Depth, null, -1, -1));
        Chain(scope, path, TensorShape.UnknownRank);
        return TensorShape.UnknownRank;
    }
}
