using System;
using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Names the generated partial uses itself, which a member of the model cannot also have.</summary>
internal static class ReservedNames
{
    /// <summary>Public members NetGen writes into every model.</summary>
    public static readonly string[] GeneratedMembers = { "Keys", "Summary", "StateSchema", "init_weights", "forward", "RegisterComponents" };

    /// <summary>Inherited methods the generated code calls by name; a member hiding one would be called instead.</summary>
    public static readonly string[] CalledMembers = { "register_module", "register_parameter", "ReferenceEquals" };

    /// <summary>Reports and returns false when a member's name would collide with generated code.</summary>
    public static bool CheckMember(string name, LocationInfo? location, MemberContext context)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            context.Report(DiagnosticDescriptors.ConflictingMemberAttributes, location, name,
                "starts with two underscores, which NetGen reserves for the fields it generates; rename the member");
            return false;
        }

        if (GeneratedMembers.Contains(name))
        {
            context.Report(DiagnosticDescriptors.ConflictingMemberAttributes, location, name,
                $"has the name of a member NetGen generates ({string.Join(", ", GeneratedMembers)}); rename the member (its state-dict key follows the name)");
            return false;
        }

        if (CalledMembers.Contains(name))
        {
            context.Report(DiagnosticDescriptors.ConflictingMemberAttributes, location, name,
                $"hides the inherited '{name}', which NetGen's generated code calls; rename the member (its state-dict key follows the name)");
            return false;
        }

        return true;
    }
}
