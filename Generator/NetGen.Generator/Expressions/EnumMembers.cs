using System.Globalization;
using NetGen.Generator.Model;

namespace NetGen.Generator.Expressions;

/// <summary>A member of an enum parameter's type, as an expression names it.</summary>
/// <param name="QualifiedName">The enum's full name and the member, without <c>global::</c>: <c>MyModels.Act.GELU</c>.</param>
/// <param name="TypeName">The enum as <see cref="ParameterSpec.TypeName"/> spells it: <c>global::MyModels.Act</c>.</param>
internal sealed record EnumMember(string QualifiedName, string TypeName, long Value);

internal static class EnumMembers
{
    private const string Global = "global::";

    /// <summary>
    /// The member <paramref name="dottedName"/> (<c>Act.GELU</c>, or with the namespace) names: a member of the enum type
    /// of one of <paramref name="parameters"/>, the type named by its simple name or any longer tail of its full name.
    /// </summary>
    public static EnumMember? Resolve(string dottedName, EquatableArray<ParameterSpec> parameters)
    {
        var dot = dottedName.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        var qualifier = dottedName.Substring(0, dot);
        var member = dottedName.Substring(dot + 1);
        foreach (var parameter in parameters)
        {
            var typeName = parameter.TypeName.StartsWith(Global, System.StringComparison.Ordinal) ? parameter.TypeName.Substring(Global.Length) : parameter.TypeName;
            if (parameter.EnumMembers.IsEmpty || !(typeName == qualifier || typeName.EndsWith("." + qualifier, System.StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var entry in parameter.EnumMembers)
            {
                var equals = entry.IndexOf('=');
                if (entry.Substring(0, equals) == member && long.TryParse(entry.Substring(equals + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                {
                    return new EnumMember(typeName + "." + member, parameter.TypeName, value);
                }
            }
        }

        return null;
    }
}
