using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Reads one property of a model into a <see cref="MemberSpec"/>, or null when it has no NetGen attributes.</summary>
internal static class MemberParser
{
    public static MemberSpec? Parse(IPropertySymbol property, EquatableArray<ParameterSpec> parameters, ArgumentInterpreter interpreter, List<DiagnosticInfo> diagnostics)
    {
        var attributes = property.GetAttributes();
        var layers = ImmutableArray.CreateBuilder<LayerSpec>();
        AttributeData? block = null, repeat = null, when = null, branch = null, init = null;
        foreach (var attribute in attributes)
        {
            var name = attribute.AttributeClass?.OriginalDefinition.ToDisplayString() ?? "";
            switch (name)
            {
                case KnownNames.BlockAttribute: block = attribute; break;
                case "NetGen.RepeatAttribute<TBlock>": repeat = attribute; break;
                case KnownNames.WhenAttribute: when = attribute; break;
                case KnownNames.BranchAttribute: branch = attribute; break;
                case KnownNames.InitAttribute: init = attribute; break;
                default:
                    if (LayerParser.IsLayerAttribute(attribute.AttributeClass) && LayerParser.Parse(attribute, interpreter) is { } layer)
                    {
                        layers.Add(layer);
                    }

                    break;
            }
        }

        if (layers.Count == 0 && block is null && repeat is null)
        {
            return null;
        }

        if (property.Name.StartsWith("__", System.StringComparison.Ordinal))
        {
            // The generated backing fields and hyperparameter fields all start with "__".
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingMemberAttributes, LocationInfo.From(property.Locations.FirstOrDefault()), property.Name,
                "starts with two underscores, which NetGen reserves for the fields it generates; rename the member"));
            return null;
        }

        var syntax = property.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<PropertyDeclarationSyntax>().FirstOrDefault();
        var location = LocationInfo.From(syntax?.Identifier.GetLocation() ?? property.Locations.FirstOrDefault());
        var typeName = property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeShapes.FullyQualified);
        if (syntax is null || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || property.SetMethod is not null || property.IsStatic
            || syntax.AccessorList is null || syntax.AccessorList.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberMustBePartialProperty, location, property.Name, property.Type.ToDisplayString()));
            return null;
        }

        var kind = Classify(property, layers, block, repeat, location, diagnostics, out var moduleIndex);
        if (kind is null)
        {
            return null;
        }

        var whenParameter = ReadWhen(property, when, parameters, diagnostics);
        if (whenParameter is not null && property.NullableAnnotation == NullableAnnotation.NotAnnotated)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberTypeMismatch, location, property.Name, property.Type.ToDisplayString(),
                $"a [When] member is absent when its condition is false, so it must be declared nullable ('{property.Type.ToDisplayString()}?')"));
        }

        var blockArgs = block is null ? EquatableArray<ArgValue>.Empty : interpreter.BlockArguments(block);
        if (block is not null)
        {
            BlockConstructors.Check(property.Type, blockArgs, parameters, "[Block] arguments", BlockLocation(block, location), diagnostics);
        }

        var repeatSpec = repeat is null ? null : ReadRepeat(repeat, interpreter);
        if (repeat is not null && repeatSpec is not null)
        {
            var blockType = repeat.AttributeClass!.TypeArguments[0];
            var repeatLocation = BlockLocation(repeat, location);
            BlockConstructors.Check(blockType, repeatSpec.First, parameters, "First", repeatLocation, diagnostics);
            BlockConstructors.Check(blockType, repeatSpec.Rest, parameters, "Rest", repeatLocation, diagnostics);
        }

        return new MemberSpec(
            Name: property.Name,
            Kind: kind.Value,
            TypeName: typeName,
            IsNullableAnnotated: property.NullableAnnotation == NullableAnnotation.Annotated,
            Accessibility: TypeShapes.Accessibility(property.DeclaredAccessibility),
            Layers: new EquatableArray<LayerSpec>(layers.ToImmutable()),
            ModuleIndex: moduleIndex,
            BlockArgs: blockArgs,
            Repeat: repeatSpec,
            WhenParameter: whenParameter,
            BranchDim: branch is null ? null : ReadBranchDim(branch),
            InitOverride: init is null ? null : InitRuleParser.Parse(init, layerType: null),
            Location: location);
    }

    private static MemberKind? Classify(IPropertySymbol property, ImmutableArray<LayerSpec>.Builder layers, AttributeData? block, AttributeData? repeat, LocationInfo? location, List<DiagnosticInfo> diagnostics, out int moduleIndex)
    {
        moduleIndex = -1;
        var typeText = property.Type.ToDisplayString();
        void Mismatch(string why) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberTypeMismatch, location, property.Name, typeText, why));
        void Conflict(string why) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingMemberAttributes, location, property.Name, why));

        if (TypeShapes.IsSequential(property.Type))
        {
            if (repeat is not null)
            {
                if (layers.Count > 0 || block is not null)
                {
                    Conflict("combines [Repeat<T>] with layer or [Block] attributes; a repeated stage holds only its blocks");
                    return null;
                }

                return MemberKind.Repeat;
            }

            if (block is not null)
            {
                Conflict("is a Sequential and cannot take [Block]; give it layer attributes or [Repeat<T>]");
                return null;
            }

            return MemberKind.Sequential;
        }

        if (repeat is not null)
        {
            Mismatch("[Repeat<T>] needs a member typed Sequential");
            return null;
        }

        if (TypeShapes.LayerKindOf(property.Type) is { } layerKind)
        {
            var matching = Enumerable.Range(0, layers.Count).Where(i => layers[i].Kind == layerKind).ToList();
            if (matching.Count != 1)
            {
                Mismatch(matching.Count == 0 ? $"it has no [{layerKind}] attribute" : $"it has {matching.Count} [{layerKind}] attributes; use a Sequential member for several");
                return null;
            }

            moduleIndex = matching[0];
            if (block is not null)
            {
                Conflict("is a layer and cannot take [Block]");
                return null;
            }

            return CheckFunctionalOps(property, layers, moduleIndex, Conflict) ? MemberKind.Layer : null;
        }

        if (TypeShapes.IsModuleOfTensor(property.Type))
        {
            return CheckFunctionalOps(property, layers, -1, Conflict) ? MemberKind.Block : null;
        }

        Mismatch("NetGen members must be TorchSharp layers, Sequential, or Module<Tensor, Tensor> blocks");
        return null;
    }

    /// <summary>Around a single module, other attributes are functional ops, which cannot hold parameters.</summary>
    private static bool CheckFunctionalOps(IPropertySymbol property, ImmutableArray<LayerSpec>.Builder layers, int moduleIndex, System.Action<string> conflict)
    {
        for (var i = 0; i < layers.Count; i++)
        {
            if (i != moduleIndex && layers[i].Kind.HasState())
            {
                conflict($"has a second layer with parameters, [{layers[i].Kind}]; declare it as its own member or make '{property.Name}' a Sequential");
                return false;
            }
        }

        return true;
    }

    private static string? ReadWhen(IPropertySymbol property, AttributeData? when, EquatableArray<ParameterSpec> parameters, List<DiagnosticInfo> diagnostics)
    {
        if (when?.ConstructorArguments.FirstOrDefault().Value is not string name)
        {
            return null;
        }

        if (!parameters.Any(p => p.Name == name && p.TypeName == "bool"))
        {
            var location = LocationInfo.From(when.ApplicationSyntaxReference?.GetSyntax());
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConditionMustBeBool, location, name, property.ContainingType.Name));
            return null;
        }

        return name;
    }

    private static LocationInfo? BlockLocation(AttributeData attribute, LocationInfo? fallback) =>
        attribute.ApplicationSyntaxReference?.GetSyntax() is { } syntax ? LocationInfo.From(syntax) : fallback;

    private static RepeatSpec ReadRepeat(AttributeData repeat, ArgumentInterpreter interpreter)
    {
        var blockType = repeat.AttributeClass!.TypeArguments[0].ToDisplayString(TypeShapes.FullyQualified);
        var count = ArgValue.Absent;
        var first = EquatableArray<ArgValue>.Empty;
        var rest = EquatableArray<ArgValue>.Empty;
        foreach (var raw in AttributeArguments.Read(repeat))
        {
            switch (raw.Name)
            {
                case "Count":
                    count = interpreter.Interpret(raw.Value, raw.Location);
                    if (count.Kind == ArgKind.Int && count.Int < 1)
                    {
                        interpreter.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, "Count", "[Repeat]", $"must be at least 1, but is {count.Int}");
                    }

                    break;
                case "First": first = interpreter.InterpretEach(raw.Value, raw.Location); break;
                case "Rest": rest = interpreter.InterpretEach(raw.Value, raw.Location); break;
            }
        }

        return new RepeatSpec(blockType, count, first, rest);
    }

    private static int ReadBranchDim(AttributeData branch)
    {
        foreach (var named in branch.NamedArguments)
        {
            if (named.Key == "Dim" && named.Value.Value is int dim)
            {
                return dim;
            }
        }

        return 1;
    }
}
