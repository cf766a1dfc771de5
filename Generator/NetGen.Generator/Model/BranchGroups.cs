using System.Collections.Generic;

namespace NetGen.Generator.Model;

/// <summary>
/// A group of <c>[Branch]</c> members as the generated forward runs it: consecutive branches with the same <c>Dim</c>,
/// each on the group's input, concatenated. A branch with <c>Through</c> is a run of members, from its own through the
/// named one; those members belong to the branch, not to the group, so the group continues with the member after it.
/// The walker and the emitter read groups here, so they cannot disagree about where one ends.
/// </summary>
internal static class BranchGroups
{
    /// <summary>
    /// The branches of the group that starts at <paramref name="from"/> (a <c>[Branch]</c> member), as the first and last
    /// member of each, within <c>[from, to)</c>. A <c>Through</c> the parser refused counts as the member alone.
    /// </summary>
    public static IReadOnlyList<(int First, int Last)> At(IReadOnlyList<MemberSpec> members, int from, int to)
    {
        var dim = members[from].BranchDim;
        var branches = new List<(int, int)>();
        for (var i = from; i < to && members[i].BranchDim is { } d && d == dim;)
        {
            var last = LastOf(members, i);
            last = last < i || last >= to ? i : last;
            branches.Add((i, last));
            i = last + 1;
        }

        return branches;
    }

    /// <summary>The position of the branch's last member: itself without <c>Through</c>; -1 when <c>Through</c> names no member.</summary>
    public static int LastOf(IReadOnlyList<MemberSpec> members, int start)
    {
        if (members[start].BranchThrough is not { } through)
        {
            return start;
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Name == through && members[i].Kind != MemberKind.Field)
            {
                return i;
            }
        }

        return -1;
    }
}
