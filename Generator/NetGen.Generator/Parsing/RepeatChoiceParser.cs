using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads several <c>[Repeat&lt;T&gt;(When = "…")]</c> on one member: alternative stages, of which the constructor builds
/// the one whose condition holds (torchvision's <c>ResNet(block, layers)</c>, one class for BasicBlock and Bottleneck).
/// Exactly one condition must hold for every value of the parameters: where the conditions read only bool and enum
/// parameters NetGen tries every combination (NG0041 on the first overlap or gap), otherwise it checks the defaults and
/// the constructor checks the rest when it runs.
/// </summary>
internal static class RepeatChoiceParser
{
    /// <summary>Whether <paramref name="repeats"/> declare alternatives rather than one plain stage.</summary>
    public static bool AreChoices(IReadOnlyList<AttributeData> repeats) =>
        repeats.Count > 1 || repeats.Any(r => When(r) is not null);

    /// <summary>The alternatives, or null when one was reported; <paramref name="covered"/> says whether exactly one holds always.</summary>
    public static EquatableArray<RepeatSpec>? Read(IReadOnlyList<AttributeData> repeats, string memberName, LocationInfo? memberLocation, MemberContext context, out bool covered)
    {
        covered = false;
        var model = context.Model.Name;
        void Fail(LocationInfo? at, string subject, string why) => context.Report(DiagnosticDescriptors.InvalidRepeatChoice, at, subject, model, why);

        if (repeats.Count == 1)
        {
            var when = When(repeats[0])!.Value;
            Fail(when.Location, $"[Repeat(When = \"{when.Value.Value}\")]",
                $"When chooses between alternative [Repeat<T>] stages of one member, and '{memberName}' has only this one; "
                + $"add the other alternatives, or make the member optional with [When(\"{when.Value.Value}\")] on it and remove When here");
            return null;
        }

        var specs = new List<RepeatSpec>();
        var failed = false;
        foreach (var attribute in repeats)
        {
            var label = $"[Repeat<{attribute.AttributeClass!.TypeArguments[0].Name}>]";
            if (When(attribute) is not { } when)
            {
                Fail(LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax()), label,
                    $"'{memberName}' has {repeats.Count} [Repeat<T>] alternatives, and this one has no When; each alternative says when it is the one built (When = \"…\")");
                failed = true;
                continue;
            }

            var condition = ConditionParser.Read((string)when.Value.Value!, context.Parameters, model, when.Location, context.Diagnostics);
            var spec = MemberParser.ReadRepeat(attribute, context);
            if (condition is null || spec is null)
            {
                failed = true;
                continue;
            }

            var blockType = attribute.AttributeClass!.TypeArguments[0];
            context.UsesBlock(blockType);
            var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax()) ?? memberLocation;
            if (spec.Index is not null)
            {
                BlockConstructors.Check(blockType, spec.First, context, "Each", location);
            }
            else
            {
                BlockConstructors.Check(blockType, spec.First, context, "First", location);
                BlockConstructors.Check(blockType, spec.Rest, context, "Rest", location);
            }

            specs.Add(spec with { When = condition, WhenLocation = when.Location });
        }

        if (failed)
        {
            return null;
        }

        var choices = specs.ToEquatableArray();
        if (!CheckCoverage(choices, memberName, memberLocation, context, out covered))
        {
            return null;
        }

        return choices;
    }

    /// <summary>
    /// Exactly one alternative must hold: for every combination of the bool and enum parameters the conditions read, or,
    /// where they read others, at the defaults (the constructor checks any other values when it runs).
    /// </summary>
    private static bool CheckCoverage(EquatableArray<RepeatSpec> choices, string memberName, LocationInfo? memberLocation, MemberContext context, out bool covered)
    {
        var parameters = context.Parameters;
        var conditions = choices.Select(c => ExpressionText.Parse(c.When!)).ToList();
        covered = false;
        if (conditions.Any(c => c is null))
        {
            return true;
        }

        var assignments = FiniteAssignments.All(conditions.SelectMany(c => FiniteAssignments.NamesRead(c!)), parameters);
        var cases = assignments is null
            ? new[] { ((System.Func<string, ExprValue>)ExpressionText.Defaults(parameters), "with the default hyperparameters") }
            : assignments.Select(a => (FiniteAssignments.ValueOf(a, parameters), a.Count == 0 ? "always" : "when " + FiniteAssignments.Describe(a)));
        var decidedEverywhere = true;
        foreach (var (valueOf, where) in cases)
        {
            var holds = conditions.Select(c => ExprEvaluator.Evaluate(c!, valueOf).AsBool).ToList();
            if (holds.Any(h => h is null))
            {
                decidedEverywhere = false;
                continue;
            }

            var active = Enumerable.Range(0, holds.Count).Where(i => holds[i] == true).ToList();
            if (active.Count > 1)
            {
                var (first, second) = (choices[active[0]], choices[active[1]]);
                context.Report(DiagnosticDescriptors.InvalidRepeatChoice, second.WhenLocation ?? memberLocation, $"[Repeat(When = \"{second.When}\")]", context.Model.Name,
                    $"this alternative of '{memberName}' and the one with When = \"{first.When}\" both hold {where}; exactly one alternative may hold, so make their conditions exclusive");
                return false;
            }

            if (active.Count == 0)
            {
                context.Report(DiagnosticDescriptors.InvalidRepeatChoice, memberLocation, memberName, context.Model.Name,
                    $"none of its {choices.Count} [Repeat<T>] alternatives holds {where} ({string.Join(", ", choices.Select(c => $"\"{c.When}\""))}), so nothing would build it; "
                    + "add an alternative for that case, or widen a condition");
                return false;
            }
        }

        covered = assignments is not null && decidedEverywhere;
        return true;
    }

    private static RawArgument? When(AttributeData repeat)
    {
        foreach (var raw in AttributeArguments.Read(repeat))
        {
            if (raw.Name == "When" && raw.Value.Value is string)
            {
                return raw;
            }
        }

        return null;
    }
}
