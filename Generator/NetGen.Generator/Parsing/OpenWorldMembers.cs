using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// The parts of a member that reach outside NetGen's own layers: the factory that creates a module NetGen
/// has no attribute for, the shape of a learnable tensor, and the shape contract of a module NetGen cannot
/// see into.
/// </summary>
internal static class OpenWorldMembers
{
    public static MemberSpec? Complete(MemberSpec member, IPropertySymbol property, AttributeData? factory, AttributeData? parameter, AttributeData? contract, LocationInfo? location, MemberContext context)
    {
        if (factory is not null)
        {
            var spec = FactoryResolver.Resolve(factory, property, context);
            if (spec is null)
            {
                return null;
            }

            member = member with { Factory = spec, TorchModule = ReadTorchModule(spec, context) };
        }

        if (parameter is not null)
        {
            member = ReadParameter(member, parameter, context);
        }

        if (contract is not null)
        {
            var seesInside = member.Kind is MemberKind.Layer or MemberKind.Sequential or MemberKind.Repeat or MemberKind.Parameter
                || (member.Kind == MemberKind.Block && TypeShapes.IsNetGenModel(property.Type));
            if (seesInside)
            {
                context.Report(DiagnosticDescriptors.ConflictingMemberAttributes, location, property.Name,
                    "has a [Contract], but NetGen knows its shapes already; a contract is for a module built by [Factory] or a [Block] that is not a NetGen model");
                return null;
            }

            member = member with { Contract = ReadContract(contract, context) };
        }

        return member;
    }

    /// <summary>What the factory builds, for a hand-written forward's analysis; never a reason to refuse the member.</summary>
    private static TorchModuleSpec? ReadTorchModule(FactorySpec factory, MemberContext context)
    {
        try
        {
            return TorchModules.Read(factory, context.Model, context.Compilation);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            _ = exception;
            return null;
        }
    }

    private static MemberSpec ReadParameter(MemberSpec member, AttributeData attribute, MemberContext context)
    {
        var shape = EquatableArray<ArgValue>.Empty;
        var requiresGrad = true;
        ParameterUseKind? kind = null;
        var prependDim = 1;
        foreach (var raw in AttributeArguments.Read(attribute))
        {
            if (raw.Name == "Shape")
            {
                shape = context.Interpreter.InterpretEach(raw.Value, raw.Location);
                foreach (var dim in shape)
                {
                    if (dim.Kind == ArgKind.Int && dim.Int < 0 || dim.Kind is not (ArgKind.Int or ArgKind.Parameter or ArgKind.Expression)
                        || dim.Kind == ArgKind.Parameter && !context.Interpreter.IsIntegerParameter(dim.Text!)
                        || dim.Kind == ArgKind.Expression && !dim.ExpressionType.IsInteger())
                    {
                        context.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, "Shape", "[Parameter]",
                            $"holds {dim}; each dimension is an int of at least 0, the name of an int hyperparameter or an int expression of them");
                    }
                }
            }
            else if (raw.Name == "RequiresGrad" && raw.Value.Value is bool value)
            {
                requiresGrad = value;
            }
            else if (raw.Name == "Use" && raw.Value.Value is int use)
            {
                if (use is (int)ParameterUseKind.Add or (int)ParameterUseKind.Prepend or (int)ParameterUseKind.Multiply)
                {
                    kind = (ParameterUseKind)use;
                }
                else if (use != 0)
                {
                    context.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, "Use", "[Parameter]",
                        $"is {use}, which is no ParameterUse; write ParameterUse.Add, Multiply or Prepend");
                }
            }
            else if (raw.Name == "Dim" && raw.Value.Value is int dimension)
            {
                prependDim = dimension;
            }
        }

        return member with
        {
            ParameterShape = shape,
            RequiresGrad = requiresGrad,
            Use = kind is { } useKind ? new ParameterUseSpec(useKind, useKind == ParameterUseKind.Prepend ? prependDim : 0) : null,
        };
    }

    private static ContractSpec ReadContract(AttributeData attribute, MemberContext context)
    {
        var input = EquatableArray<ArgValue>.Empty;
        var output = EquatableArray<ArgValue>.Empty;
        foreach (var raw in AttributeArguments.Read(attribute))
        {
            var dims = AttributeArguments.Elements(raw.Value).Select(element => context.Interpreter.InterpretDimension(element, raw.Location)).ToEquatableArray();
            if (raw.Name == "Input")
            {
                input = dims;
            }
            else if (raw.Name == "Output")
            {
                output = dims;
                var bound = input.Where(d => d.Kind == ArgKind.Text).Select(d => d.Text).ToList();
                foreach (var free in output.Where(d => d.Kind == ArgKind.Text && !bound.Contains(d.Text)))
                {
                    context.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, "Output", "[Contract]",
                        $"names '{free.Text}', which is neither a hyperparameter nor a name bound in Input");
                }
            }
        }

        return new ContractSpec(input, output, LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax()));
    }
}
