using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// <c>[Residual]</c> on a member: a shortcut from the member's input around it and the members after it through
/// <c>Through</c>. Spans nest or follow one another; one that starts inside another and ends after it, or that splits a
/// group of <c>[Branch]</c> members, has no forward to generate and is refused.
/// </summary>
internal static class ResidualSpans
{
    public static ResidualSpanSpec? Read(AttributeData attribute, string member, MemberContext context)
    {
        var through = member;
        string? when = null;
        var activation = "None";
        foreach (var raw in AttributeArguments.Read(attribute))
        {
            switch (raw.Name)
            {
                case "Through" when raw.Value.Value is string name:
                    through = name;
                    break;
                case "When" when raw.Value.Value is string condition:
                    when = ConditionParser.Read(condition, context.Parameters, context.Model.Name, raw.Location, context.Diagnostics);
                    if (when is null)
                    {
                        return null;
                    }

                    break;
                case "Activation":
                    activation = TypeShapes.EnumMemberName(raw.Value);
                    break;
                case "Shortcut":
                    context.Report(DiagnosticDescriptors.ConflictingMemberAttributes, raw.Location, member,
                        "has [Residual(Shortcut = ...)], but a member's shortcut is its own input; a projecting shortcut needs [Residual(Shortcut = ...)] on a model of its own");
                    return null;
            }
        }

        return new ResidualSpanSpec(through, activation, when);
    }

    /// <summary>Reports spans whose end is not a later member, that cross another span, or that split a branch group.</summary>
    public static void Check(IReadOnlyList<MemberSpec> members, string model, List<DiagnosticInfo> diagnostics)
    {
        var spans = new List<(int Start, int End)>();
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Residual is not { } span)
            {
                continue;
            }

            var end = span.EndIn(members, 0);
            var crossed = spans.FindIndex(s => s.Start < i && i <= s.End && s.End < end);
            if (end < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownMember, members[i].Location, span.Through, model));
            }
            else if (end < i)
            {
                Refuse(members[i], $"has [Residual(Through = \"{span.Through}\")], but '{span.Through}' comes before it; the shortcut goes around members in declaration order");
            }
            else if (crossed >= 0)
            {
                Refuse(members[i], $"starts a [Residual] inside the one from '{members[spans[crossed].Start].Name}' through '{members[spans[crossed].End].Name}' and ends after it; shortcuts must nest");
            }
            else if (SplitsBranchGroup(members, i, end))
            {
                Refuse(members[i], $"has a [Residual] through '{span.Through}' that takes only part of a group of [Branch] members; go around the whole group or none of it");
            }
            else if (members.Skip(i).Take(end - i + 1).All(m => !m.IsOnGeneratedPath))
            {
                Refuse(members[i], "has a [Residual] around no layer the generated forward runs");
            }
            else
            {
                spans.Add((i, end));
            }
        }

        void Refuse(MemberSpec member, string why) =>
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingMemberAttributes, member.Location, member.Name, why));
    }

    private static bool SplitsBranchGroup(IReadOnlyList<MemberSpec> members, int start, int end) =>
        (start > 0 && members[start].BranchDim is { } first && members[start - 1].BranchDim == first)
        || (end + 1 < members.Count && members[end].BranchDim is { } last && members[end + 1].BranchDim == last);
}
