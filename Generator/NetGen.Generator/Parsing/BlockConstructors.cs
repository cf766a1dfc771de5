using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Checks the arguments of <c>[Block]</c> and <c>[Repeat&lt;T&gt;]</c> against the block's constructors,
/// so that a wrong count or type is reported on the attribute instead of breaking the generated code.
/// </summary>
internal static class BlockConstructors
{
    public static void Check(ITypeSymbol blockType, EquatableArray<ArgValue> arguments, EquatableArray<ParameterSpec> parameters, string what, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (blockType is not INamedTypeSymbol { TypeKind: TypeKind.Class } named || named.InstanceConstructors.IsEmpty)
        {
            return;
        }

        if (named.InstanceConstructors.Any(c => c.DeclaredAccessibility != Accessibility.Private && Fits(c, arguments, parameters)))
        {
            return;
        }

        var signatures = string.Join(" or ", named.InstanceConstructors.Select(c => "(" + string.Join(", ", c.Parameters.Select(p => p.Type.ToDisplayString() + " " + p.Name)) + ")"));
        var given = "(" + string.Join(", ", arguments.Select(a => a.ToString())) + ")";
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidArgument, location, what, named.Name,
            $"{given} fit no constructor; it takes {signatures}"));
    }

    private static bool Fits(IMethodSymbol constructor, EquatableArray<ArgValue> arguments, EquatableArray<ParameterSpec> parameters)
    {
        if (arguments.Count > constructor.Parameters.Length || constructor.Parameters.Skip(arguments.Count).Any(p => !p.IsOptional))
        {
            return false;
        }

        return arguments.Select((a, i) => Accepts(constructor.Parameters[i].Type, a, parameters)).All(ok => ok);
    }

    private static bool Accepts(ITypeSymbol type, ArgValue argument, EquatableArray<ParameterSpec> parameters)
    {
        var special = type.SpecialType;
        var integer = special is SpecialType.System_Int32 or SpecialType.System_Int64;
        var floating = special is SpecialType.System_Double;
        return argument.Kind switch
        {
            ArgKind.Int => integer || floating || special == SpecialType.System_Object,
            ArgKind.Double => floating || special == SpecialType.System_Object,
            ArgKind.Bool => special is SpecialType.System_Boolean or SpecialType.System_Object,
            ArgKind.Parameter => parameters.FirstOrDefault(p => p.Name == argument.Text) is not { } parameter
                || parameter.TypeName == type.ToDisplayString(TypeShapes.FullyQualified)
                || (TypeShapes.IsIntegerTypeName(parameter.TypeName) && (integer || floating))
                || special == SpecialType.System_Object,
            // Lists, keywords and arguments already reported as invalid are not this check's business.
            _ => true,
        };
    }
}
