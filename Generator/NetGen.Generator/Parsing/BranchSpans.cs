using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// <c>[Branch(Through = …)]</c>: a branch that runs from its member through a later one. Such branches nest (InceptionE's
/// <c>branch3x3_1</c> then two <c>[Branch]</c> members side by side); one that names no member or an earlier one, or that
/// starts inside another and ends after it, has no forward to generate and is refused. So is a combination the generated
/// forward does not have yet: with <c>[Chunk]</c>, or with shortcuts around members in the same model.
/// </summary>
internal static class BranchSpans
{
    public static void Check(IReadOnlyList<MemberSpec> members, string model, bool chunked, List<DiagnosticInfo> diagnostics)
    {
        var spans = new List<(int Start, int End)>();
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].BranchThrough is not { } through)
            {
                continue;
            }

            var end = BranchGroups.LastOf(members, i);
            var crossed = spans.FindIndex(s => s.Start < i && i <= s.End && s.End < end);
            if (end < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownMember, members[i].Location, through, model));
            }
            else if (end < i)
            {
                Refuse(members[i], $"has [Branch(Through = \"{through}\")], but '{through}' comes before it; a branch runs members in declaration order");
            }
            else if (!members[i].IsOnGeneratedPath || !members[end].IsOnGeneratedPath)
            {
                Refuse(members[i], $"has [Branch(Through = \"{through}\")], but the generated forward does not run '{(members[i].IsOnGeneratedPath ? through : members[i].Name)}' ([Auxiliary]); a branch starts and ends with members it runs");
            }
            else if (crossed >= 0)
            {
                Refuse(members[i], $"starts a branch inside the one from '{members[spans[crossed].Start].Name}' through '{members[spans[crossed].End].Name}' and ends after it; branches must nest");
            }
            else if (chunked)
            {
                Refuse(members[i], "has [Branch(Through = ...)] in a model with [Chunk] or [Split], which gives each [Branch] member one piece; a branch of several members under them is not supported: make the branch a block of its own");
            }
            else if (members.FirstOrDefault(m => m.Residual is not null) is { } shortcut)
            {
                Refuse(members[i], $"has [Branch(Through = ...)], and '{shortcut.Name}' has a [Residual] in the same model; the two are not supported together: put the branches or the shortcut in a block of their own");
            }
            else
            {
                spans.Add((i, end));
            }
        }

        void Refuse(MemberSpec member, string why) =>
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingMemberAttributes, member.Location, member.Name, why));
    }
}
