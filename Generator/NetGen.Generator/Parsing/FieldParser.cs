using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Modules the user keeps in fields or initialised auto-properties, as a TorchSharp user would. PyTorch
/// registers every module and parameter assigned to the model; TorchSharp's reflection does it for
/// fields. NetGen writes the registration instead, so nothing is trained or saved silently without them.
/// </summary>
internal static class FieldParser
{
    public static MemberSpec? ParseField(IFieldSymbol field, MemberContext context)
    {
        // Backing fields, constants and statics are not state; names with "__" are NetGen's own fields.
        if (field.IsImplicitlyDeclared || field.IsStatic || field.IsConst || field.Name.StartsWith("__", System.StringComparison.Ordinal))
        {
            return null;
        }

        var syntax = field.DeclaringSyntaxReferences.Length > 0 ? field.DeclaringSyntaxReferences[0].GetSyntax() as VariableDeclaratorSyntax : null;
        return Registered(field, field.Type, syntax?.Initializer?.Value, LocationInfo.From(syntax?.Identifier.GetLocation() ?? field.Locations[0]), context);
    }

    /// <summary>A property without NetGen attributes: a partial one NetGen cannot create, or an initialised auto-property to register.</summary>
    public static MemberSpec? ParseUnattributedProperty(IPropertySymbol property, PropertyDeclarationSyntax? syntax, LocationInfo? location, MemberContext context)
    {
        var holdsState = TypeShapes.IsModule(property.Type) || TypeShapes.MetadataName(property.Type) == KnownNames.Parameter;
        if (!holdsState || property.IsStatic || syntax is null)
        {
            return null;
        }

        if (syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            if (TypeShapes.IsPartialDefinition(syntax) && !TypeShapes.HasHandWrittenImplementation(property))
            {
                context.Report(DiagnosticDescriptors.MemberNotCreatable, location, property.Name);
            }

            return null;
        }

        // Only an auto-property with an initializer holds a module of its own; a computed one names another member.
        var isAuto = syntax.AccessorList is { } accessors && syntax.ExpressionBody is null
            && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);
        return isAuto ? Registered(property, property.Type, syntax.Initializer?.Value, location, context) : null;
    }

    private static MemberSpec? Registered(ISymbol member, ITypeSymbol type, ExpressionSyntax? initializer, LocationInfo? location, MemberContext context)
    {
        var name = member.Name;
        var isParameter = TypeShapes.MetadataName(type) == KnownNames.Parameter;
        if (!isParameter && !TypeShapes.IsModule(type))
        {
            return null;
        }

        if (initializer is null)
        {
            context.Report(DiagnosticDescriptors.UnregisteredModule, location, name);
            return null;
        }

        if (!ReservedNames.CheckMember(name, location, context))
        {
            return null;
        }

        var typeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeShapes.FullyQualified);
        var isNullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        var takesOneTensor = TypeShapes.IsModuleOfTensor(type);
        var isModuleList = TypeShapes.IsModuleListOfTensor(type);
        // The layer, block, Sequential or ModuleList the initializer builds (InitializerLayers), whatever type the field
        // is declared with (Module<Tensor, Tensor> conv1 = Conv2d(1, 32, 3), as TorchSharp's examples write), where the
        // field takes one tensor (or is a ModuleList of such modules) and holds it when the forward runs. A nullable
        // field may hold nothing, so it is left opaque. The costlier questions come last: the model's syntax is searched
        // for assignments only when the rest holds, and for changes to a container's children only once it has some.
        var readable = (takesOneTensor || isModuleList) && HoldsWhatItsInitializerBuilt(member, isNullable, context.Model);
        var (read, children) = !readable ? (null, EquatableArray<LayerSpec>.Empty)
            : isModuleList ? (null, InitializerLayers.ReadModuleList(initializer, context, location))
            : InitializerLayers.Read(initializer, context, location);
        if (!children.IsEmpty && !KeepsItsChildren(member, context))
        {
            children = EquatableArray<LayerSpec>.Empty;
        }

        return new MemberSpec(name, MemberKind.Field, typeName, isNullable, "private",
            EquatableArray<LayerSpec>.Empty, -1, EquatableArray<ArgValue>.Empty, null, null, null, null, location)
        {
            IsParameterField = isParameter,
            TakesOneTensor = takesOneTensor,
            KnownLayer = read ?? KnownLayerOf(type, location),
            KnownLayerHasArguments = read is not null,
            KnownChildren = children,
            KnownChildrenAreModuleList = isModuleList && !children.IsEmpty,
            ParameterShape = isParameter && HoldsWhatItsInitializerBuilt(member, isNullable, context.Model) ? ParameterShapeOf(member, initializer, context) : default,
            // An LSTM, GRU, RNN or attention takes and gives more than one tensor; one built by a call NetGen reads is followed.
            TorchModule = !takesOneTensor && !isParameter && HoldsWhatItsInitializerBuilt(member, isNullable, context.Model)
                ? TorchModules.ReadInitializer(initializer, context.Compilation)
                : null,
        };
    }

    /// <summary>
    /// Whether the member holds what its initializer built when the forward runs: it is not nullable (it may hold
    /// nothing), no constructor of the user's may replace it, and no other code may (<see cref="HoldsItsInitializer"/>).
    /// </summary>
    private static bool HoldsWhatItsInitializerBuilt(ISymbol member, bool isNullable, INamedTypeSymbol model) =>
        !isNullable && !HasHandWrittenConstructor(model) && HoldsItsInitializer(member, model);

    /// <summary>
    /// Whether nothing but a constructor can replace what the initializer built: a readonly field or a get-only
    /// auto-property (only a constructor may assign them), or a private field the model's own code never assigns.
    /// </summary>
    private static bool HoldsItsInitializer(ISymbol member, INamedTypeSymbol model) => member switch
    {
        IFieldSymbol field => field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private && !FieldAssignments.MayAssign(model, field.Name),
        IPropertySymbol property => property.SetMethod is null,
        _ => false,
    };

    /// <summary>
    /// The shape of a Parameter field, holding what its initializer built, made from a tensor of constant sizes
    /// (<see cref="InitializerLayers.ReadParameterShape"/>), where it still has that shape when the forward runs: the
    /// model's code changes it in no place (<see cref="FieldAssignments.MayChangeShape"/>). Empty otherwise.
    /// </summary>
    private static EquatableArray<ArgValue> ParameterShapeOf(ISymbol member, ExpressionSyntax initializer, MemberContext context) =>
        InitializerLayers.ReadParameterShape(initializer, context) is { IsEmpty: false } shape
        && !FieldAssignments.MayChangeShape(member, context.Model, context.Compilation)
            ? shape
            : EquatableArray<ArgValue>.Empty;

    /// <summary>
    /// Whether a Sequential or ModuleList field still has the children its initializer built when the forward runs: no
    /// code but the model's can reach it (it is private), and the model's code never changes them (<c>append</c>,
    /// <c>Add</c>, an element assigned) or hands the container to code that might. <c>readonly</c> keeps the field, not
    /// its children.
    /// </summary>
    private static bool KeepsItsChildren(ISymbol member, MemberContext context) =>
        member.DeclaredAccessibility == Accessibility.Private && !FieldAssignments.MayChangeContents(member, context.Model, context.Compilation);

    /// <summary>A constructor the user wrote (not the partial one NetGen implements), which may replace what an initializer built.</summary>
    private static bool HasHandWrittenConstructor(INamedTypeSymbol model) =>
        model.InstanceConstructors.Any(c => TypeShapes.UserSyntax(c).OfType<ConstructorDeclarationSyntax>().Any(s => !s.Modifiers.Any(SyntaxKind.PartialKeyword)));

    /// <summary>
    /// The layer a field's type is, where the type alone says what the module is: a sealed class, so that nothing else
    /// can be in the field whatever its initializer builds, of a catalogue layer that holds no state and has no required
    /// argument. A nullable field may hold nothing, so it is left opaque.
    /// </summary>
    private static LayerSpec? KnownLayerOf(ITypeSymbol type, LocationInfo? location) =>
        type is INamedTypeSymbol { IsSealed: true, NullableAnnotation: not NullableAnnotation.Annotated }
        && TypeShapes.LayerKindOf(type) is { } kind && kind.IsStatelessWithoutRequiredArguments()
            ? new LayerSpec(kind, EquatableArray<LayerArg>.Empty, location)
            : null;
}
