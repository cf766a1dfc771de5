using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>One attribute argument before interpretation: the constant and where it was written.</summary>
internal readonly record struct RawArgument(string Name, TypedConstant Value, LocationInfo? Location);

/// <summary>
/// Reads an attribute application into arguments keyed by PascalCase name: constructor arguments by
/// their parameter name (<c>inChannels</c> becomes <c>InChannels</c>, matching the property), named
/// arguments as written. Each keeps the location of its own syntax so diagnostics land on it.
/// </summary>
internal static class AttributeArguments
{
    public static ImmutableArray<RawArgument> Read(AttributeData attribute)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
        var syntaxArgs = syntax?.ArgumentList?.Arguments ?? default;
        var result = ImmutableArray.CreateBuilder<RawArgument>();
        var parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;

        for (var i = 0; i < attribute.ConstructorArguments.Length && i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var value = attribute.ConstructorArguments[i];
            var location = FindConstructorArgument(syntaxArgs, parameter.Name, i) ?? LocationInfo.From(syntax);
            result.Add(new RawArgument(Pascal(parameter.Name), value, location));
        }

        foreach (var named in attribute.NamedArguments)
        {
            var location = FindNamedArgument(syntaxArgs, named.Key) ?? LocationInfo.From(syntax);
            result.Add(new RawArgument(named.Key, named.Value, location));
        }

        return result.ToImmutable();
    }

    public static string Pascal(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    private static LocationInfo? FindConstructorArgument(SeparatedSyntaxList<AttributeArgumentSyntax> args, string parameterName, int position)
    {
        if (args == default)
        {
            return null;
        }

        foreach (var arg in args)
        {
            if (arg.NameColon?.Name.Identifier.ValueText == parameterName)
            {
                return LocationInfo.From(arg);
            }
        }

        var positional = args.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        return position < positional.Count ? LocationInfo.From(positional[position]) : null;
    }

    private static LocationInfo? FindNamedArgument(SeparatedSyntaxList<AttributeArgumentSyntax> args, string name)
    {
        if (args == default)
        {
            return null;
        }

        foreach (var arg in args)
        {
            if (arg.NameEquals?.Name.Identifier.ValueText == name)
            {
                return LocationInfo.From(arg);
            }
        }

        return null;
    }

    public static IEnumerable<TypedConstant> Elements(TypedConstant value) =>
        value.Kind == TypedConstantKind.Array && !value.IsNull ? value.Values : Enumerable.Empty<TypedConstant>();
}
