using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Expressions;

/// <summary>One value of a bool or enum parameter: what expressions see, what a default would say, and how to show it.</summary>
/// <param name="Text">The value as <see cref="ParameterSpec.DefaultValue"/> writes it: <c>true</c>, or an enum's underlying value.</param>
/// <param name="Shown">The value as a user writes it: <c>true</c>, <c>ResNetBlock.Bottleneck</c>.</param>
internal sealed record FiniteValue(ParameterSpec Parameter, ExprValue Value, string Text, string Shown);

/// <summary>
/// Conditions over bool and enum parameters take finitely many values, so NetGen can try them all: every combination of
/// the values of the parameters some conditions read (an enum's declared members), as long as there are at most
/// <see cref="MaxAssignments"/>. Alternatives whose conditions read only such parameters are then checked exactly.
/// </summary>
internal static class FiniteAssignments
{
    /// <summary>The most combinations tried: twelve bools, or a few enums and bools.</summary>
    public const int MaxAssignments = 4096;

    /// <summary>The constructor parameters an expression reads (not the enum members it compares with).</summary>
    public static IEnumerable<string> NamesRead(Expr expr) => expr switch
    {
        NameExpr name when name.Name.IndexOf('.') < 0 => new[] { name.Name },
        UnaryExpr unary => NamesRead(unary.Operand),
        BinaryExpr binary => NamesRead(binary.Left).Concat(NamesRead(binary.Right)),
        ConditionalExpr conditional => NamesRead(conditional.Condition).Concat(NamesRead(conditional.WhenTrue)).Concat(NamesRead(conditional.WhenFalse)),
        CallExpr call => call.Arguments.SelectMany(a => NamesRead(a.Value)),
        _ => Enumerable.Empty<string>(),
    };

    /// <summary>
    /// Every combination of values of <paramref name="names"/>, or null when one of them is not a bool or enum parameter,
    /// or there are more than <see cref="MaxAssignments"/> combinations.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<FiniteValue>>? All(IEnumerable<string> names, EquatableArray<ParameterSpec> parameters)
    {
        var domains = new List<IReadOnlyList<FiniteValue>>();
        long combinations = 1;
        foreach (var name in names.Distinct().OrderBy(n => n, System.StringComparer.Ordinal))
        {
            var parameter = parameters.FirstOrDefault(p => p.Name == name);
            var domain = parameter is null ? null : Domain(parameter);
            if (domain is null || domain.Count == 0)
            {
                return null;
            }

            combinations *= domain.Count;
            if (combinations > MaxAssignments)
            {
                return null;
            }

            domains.Add(domain);
        }

        var result = new List<IReadOnlyList<FiniteValue>> { System.Array.Empty<FiniteValue>() };
        foreach (var domain in domains)
        {
            result = result.SelectMany(prefix => domain.Select(value => (IReadOnlyList<FiniteValue>)prefix.Append(value).ToList())).ToList();
        }

        return result;
    }

    /// <summary>What an expression reads under <paramref name="assignment"/>: the assigned values, enum members, and the defaults of the rest.</summary>
    public static System.Func<string, ExprValue> ValueOf(IReadOnlyList<FiniteValue> assignment, EquatableArray<ParameterSpec> parameters)
    {
        var defaults = ExpressionText.Defaults(parameters);
        return name => assignment.FirstOrDefault(v => v.Parameter.Name == name) is { } value ? value.Value : defaults(name);
    }

    /// <summary>"block = ResNetBlock.Bottleneck, norm = true".</summary>
    public static string Describe(IReadOnlyList<FiniteValue> assignment) =>
        string.Join(", ", assignment.Select(v => $"{v.Parameter.Name} = {v.Shown}"));

    private static IReadOnlyList<FiniteValue>? Domain(ParameterSpec parameter)
    {
        if (parameter.TypeName == "bool")
        {
            return new[] { false, true }.Select(b => new FiniteValue(parameter, ExprValue.Of(b), b ? "true" : "false", b ? "true" : "false")).ToList();
        }

        if (parameter.EnumMembers.IsEmpty)
        {
            return null;
        }

        var fullName = parameter.TypeName.StartsWith("global::", System.StringComparison.Ordinal) ? parameter.TypeName.Substring("global::".Length) : parameter.TypeName;
        var typeName = fullName.Substring(fullName.LastIndexOf('.') + 1);
        var values = new List<FiniteValue>();
        foreach (var entry in parameter.EnumMembers)
        {
            var equals = entry.IndexOf('=');
            if (equals > 0 && long.TryParse(entry.Substring(equals + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                && values.All(v => v.Value.Integer != value))
            {
                // Members that alias one value are one value.
                values.Add(new FiniteValue(parameter, ExprValue.Of(value, ExprType.Enum), value.ToString(CultureInfo.InvariantCulture), typeName + "." + entry.Substring(0, equals)));
            }
        }

        return values;
    }
}
