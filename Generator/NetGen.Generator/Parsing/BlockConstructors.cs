using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Checks that <c>new T(arguments)</c>, which NetGen writes for <c>[Block]</c>, <c>[Block&lt;T&gt;]</c> and
/// <c>[Repeat&lt;T&gt;]</c>, has a constructor to call: accessible from the model and fitting the arguments.
/// A misfit is reported on the attribute instead of breaking the generated code.
/// </summary>
internal static class BlockConstructors
{
    public static void Check(ITypeSymbol blockType, EquatableArray<ArgValue> arguments, MemberContext context, string what, LocationInfo? location)
    {
        var label = blockType.ToDisplayString();
        if (blockType is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } named)
        {
            context.Report(DiagnosticDescriptors.InvalidArgument, location, what, label, "cannot be created with 'new': it is not a concrete class");
            return;
        }

        var accessible = named.InstanceConstructors.Where(c => context.Compilation.IsSymbolAccessibleWithin(c, context.Model)).ToList();
        if (accessible.Count == 0)
        {
            context.Report(DiagnosticDescriptors.InvalidArgument, location, what, label,
                $"has no constructor that '{context.Model.Name}' can call; build it with [Factory(...)] and a method that creates it");
            return;
        }

        if (accessible.Any(c => Fits(c, arguments, context)))
        {
            return;
        }

        var signatures = string.Join(" or ", accessible.Select(c => "(" + string.Join(", ", c.Parameters.Select(p => p.Type.ToDisplayString() + " " + p.Name)) + ")"));
        var given = "(" + string.Join(", ", arguments.Select(a => a.ToString())) + ")";
        context.Report(DiagnosticDescriptors.InvalidArgument, location, what, named.Name, $"{given} fit no constructor; it takes {signatures}");
    }

    private static bool Fits(IMethodSymbol constructor, EquatableArray<ArgValue> arguments, MemberContext context)
    {
        if (arguments.Count > constructor.Parameters.Length && !(constructor.Parameters.LastOrDefault()?.IsParams ?? false))
        {
            return false;
        }

        if (constructor.Parameters.Skip(arguments.Count).Any(p => !p.IsOptional && !p.IsParams))
        {
            return false;
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = constructor.Parameters[System.Math.Min(i, constructor.Parameters.Length - 1)];
            var type = parameter.IsParams && i >= constructor.Parameters.Length - 1 && parameter.Type is IArrayTypeSymbol array ? array.ElementType : parameter.Type;
            if (!Accepts(type, arguments[i], context))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Accepts(ITypeSymbol type, ArgValue argument, MemberContext context)
    {
        var special = type.SpecialType;
        var integer = special is SpecialType.System_Int32 or SpecialType.System_Int64;
        var floating = special is SpecialType.System_Double or SpecialType.System_Single;
        return argument.Kind switch
        {
            ArgKind.Int => integer || floating || special == SpecialType.System_Object,
            ArgKind.Double => special is SpecialType.System_Double or SpecialType.System_Object,
            ArgKind.Bool => special is SpecialType.System_Boolean or SpecialType.System_Object,
            ArgKind.Text => special is SpecialType.System_String or SpecialType.System_Object,
            ArgKind.Parameter => context.HyperparameterType(argument.Text!) is not { } parameter
                || context.Compilation.ClassifyCommonConversion(parameter, type).IsImplicit,
            ArgKind.Expression => argument.ExpressionType switch
            {
                Expressions.ExprType.Int => integer || floating || special == SpecialType.System_Object,
                Expressions.ExprType.Long => special is SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Object,
                Expressions.ExprType.Double => special is SpecialType.System_Double or SpecialType.System_Object,
                _ => special is SpecialType.System_Boolean or SpecialType.System_Object,
            },
            // Lists and arguments already reported as invalid are not this check's business.
            _ => true,
        };
    }
}
