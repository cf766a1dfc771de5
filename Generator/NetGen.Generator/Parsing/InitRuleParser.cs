using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Reads <c>[Init&lt;TLayer&gt;]</c> on a model and <c>[Init]</c> on a member.</summary>
internal static class InitRuleParser
{
    public static EquatableArray<InitRuleSpec> ParseModelRules(INamedTypeSymbol type) =>
        type.GetAttributes()
            .Where(a => a.AttributeClass is { IsGenericType: true } c && c.OriginalDefinition.ToDisplayString() == "NetGen.InitAttribute<TLayer>")
            .Select(a => Parse(a, a.AttributeClass!.TypeArguments[0].ToDisplayString(TypeShapes.FullyQualified)))
            .ToEquatableArray();

    public static InitRuleSpec Parse(AttributeData attribute, string? layerType)
    {
        var weight = attribute.ConstructorArguments.Length > 0 ? TypeShapes.EnumMemberName(attribute.ConstructorArguments[0]) : "Default";
        var rule = new InitRuleSpec(layerType, weight, "Default", 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, "FanIn", "LeakyReLU", 1);
        foreach (var named in attribute.NamedArguments)
        {
            var value = named.Value;
            var number = value.Value is double d ? d : value.Value is int i ? i : double.NaN;
            rule = named.Key switch
            {
                "Bias" => rule with { Bias = TypeShapes.EnumMemberName(value) },
                "BiasValue" => rule with { BiasValue = number },
                "Gain" => rule with { Gain = number },
                "Mean" => rule with { Mean = number },
                "Std" => rule with { Std = number },
                "A" => rule with { A = number },
                "B" => rule with { B = number },
                "Value" => rule with { Value = number },
                "Sparsity" => rule with { Sparsity = number },
                "Mode" => rule with { Mode = TypeShapes.EnumMemberName(value) },
                "Nonlinearity" => rule with { Nonlinearity = TypeShapes.EnumMemberName(value) },
                "Groups" => rule with { Groups = value.Value is int g ? g : 1 },
                _ => rule,
            };
        }

        return rule;
    }
}
