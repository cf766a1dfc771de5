using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads one property of a model into a <see cref="MemberSpec"/>: null when it is not NetGen's to create,
/// or when its declaration has an error (which is then reported).
/// </summary>
internal static class MemberParser
{
    /// <summary>The attributes of one member, sorted by what they are.</summary>
    private sealed class MemberAttributes
    {
        public readonly ImmutableArray<LayerSpec>.Builder Layers = ImmutableArray.CreateBuilder<LayerSpec>();
        public readonly List<AttributeData> Foreign = new();
        public readonly List<AttributeData> Repeats = new();
        public AttributeData? Block, When, Branch, Init, Factory, Parameter, Contract, ForEach, Residual, Auxiliary;

        /// <summary>The member's first <c>[Repeat&lt;T&gt;]</c>; several are alternatives (<see cref="RepeatChoiceParser"/>).</summary>
        public AttributeData? Repeat => Repeats.Count > 0 ? Repeats[0] : null;

        /// <summary>A NetGen attribute the compiler could not bind (an undefined name in it): the compiler's error is the one to show.</summary>
        public bool HasCompilerErrors;

        /// <summary>Whether anything says how NetGen creates the member.</summary>
        public bool SaysHowToCreate => Layers.Count > 0 || Block is not null || Repeat is not null || Factory is not null || Parameter is not null;

        public bool HasAny => SaysHowToCreate || Foreign.Count > 0 || When is not null || Branch is not null || Init is not null || Contract is not null || ForEach is not null || Residual is not null || Auxiliary is not null;
    }

    public static MemberSpec? Parse(IPropertySymbol property, MemberContext context)
    {
        // A stage table's names (its item, index, carry) are readable in the member's layer attributes.
        var forEach = property.GetAttributes().FirstOrDefault(a => AttributeKinds.Classify(a.AttributeClass, out _) == AttributeKind.ForEach && !HasErrors(a));
        var loopNames = new List<string>();
        var stageTable = forEach is null ? null : StageTableParser.Read(forEach, context, out loopNames);
        var attributes = Sort(property, context, loopNames.Count == 0 ? context.Interpreter : context.Interpreter.WithIntNames(loopNames));
        var syntax = TypeShapes.UserSyntax(property).OfType<PropertyDeclarationSyntax>().FirstOrDefault();
        var location = LocationInfo.From(syntax?.Identifier.GetLocation() ?? property.Locations.FirstOrDefault());
        if (attributes.HasCompilerErrors)
        {
            return null;
        }

        if (!attributes.HasAny)
        {
            return FieldParser.ParseUnattributedProperty(property, syntax, location, context);
        }

        context.AttributedMembers++;
        foreach (var foreign in attributes.Foreign)
        {
            context.Report(DiagnosticDescriptors.ForeignLayerAttribute, LocationInfo.From(foreign.ApplicationSyntaxReference?.GetSyntax()) ?? location,
                foreign.AttributeClass!.ToDisplayString(), property.Name);
        }

        if (attributes.Foreign.Count > 0)
        {
            return null;
        }

        if (!attributes.SaysHowToCreate)
        {
            context.Report(DiagnosticDescriptors.MemberNotCreatable, location, property.Name);
            return null;
        }

        if (!ReservedNames.CheckMember(property.Name, location, context))
        {
            return null;
        }

        var typeName = property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeShapes.FullyQualified);
        if (syntax is null || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || property.SetMethod is not null || property.IsStatic
            || syntax.AccessorList is null || syntax.AccessorList.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null))
        {
            var shownType = property.Type.ToDisplayString();
            context.Report(DiagnosticDescriptors.MemberMustBePartialProperty, location, property.Name,
                string.IsNullOrWhiteSpace(shownType) || property.Type.TypeKind == TypeKind.Error ? "Conv2d" : shownType);
            return null;
        }

        var kind = Classify(property, attributes, location, context, out var moduleIndex);
        if (kind is null)
        {
            return null;
        }

        if (attributes.ForEach is not null && stageTable is null)
        {
            return null;
        }

        var whenParameter = ReadWhen(property, attributes.When, context);
        if (whenParameter is not null && property.NullableAnnotation == NullableAnnotation.NotAnnotated)
        {
            context.Report(DiagnosticDescriptors.MemberTypeMismatch, location, property.Name, property.Type.ToDisplayString(),
                $"a [When] member is absent when its condition is false, so it must be declared nullable ('{property.Type.ToDisplayString()}?')");
        }

        var blockArgs = attributes.Block is null ? EquatableArray<ArgValue>.Empty : context.Interpreter.BlockArguments(attributes.Block);
        if (attributes.Block is not null || kind == MemberKind.Block)
        {
            context.UsesBlock(property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
            BlockConstructors.Check(property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), blockArgs, context, "[Block] arguments",
                BlockLocation(attributes.Block, location));
        }

        var choices = EquatableArray<RepeatSpec>.Empty;
        var choicesCovered = false;
        if (RepeatChoiceParser.AreChoices(attributes.Repeats))
        {
            if (RepeatChoiceParser.Read(attributes.Repeats, property.Name, location, context, out choicesCovered) is not { } read)
            {
                return null;
            }

            choices = read;
        }

        var repeatSpec = attributes.Repeat is null || !choices.IsEmpty ? null : ReadRepeat(attributes.Repeat, context);
        if (attributes.Repeat is not null && choices.IsEmpty && repeatSpec is null)
        {
            return null;
        }

        if (attributes.Repeat is not null && repeatSpec is not null)
        {
            var blockType = attributes.Repeat.AttributeClass!.TypeArguments[0];
            context.UsesBlock(blockType);
            var repeatLocation = BlockLocation(attributes.Repeat, location);
            if (attributes.Repeat.NamedArguments.Any(a => a.Key == "Each"))
            {
                BlockConstructors.Check(blockType, repeatSpec.First, context, "Each", repeatLocation);
            }
            else
            {
                BlockConstructors.Check(blockType, repeatSpec.First, context, "First", repeatLocation);
                BlockConstructors.Check(blockType, repeatSpec.Rest, context, "Rest", repeatLocation);
            }
        }

        var member = new MemberSpec(
            Name: property.Name,
            Kind: kind.Value,
            TypeName: typeName,
            IsNullableAnnotated: property.NullableAnnotation == NullableAnnotation.Annotated,
            Accessibility: TypeShapes.Accessibility(property.DeclaredAccessibility),
            Layers: new EquatableArray<LayerSpec>(attributes.Layers.ToImmutable()),
            ModuleIndex: moduleIndex,
            BlockArgs: blockArgs,
            Repeat: repeatSpec,
            WhenParameter: whenParameter,
            BranchDim: attributes.Branch is null ? null : ReadBranchDim(attributes.Branch),
            InitOverride: attributes.Init is null ? null : InitRuleParser.Parse(attributes.Init, layerType: null),
            Location: location)
        {
            TakesOneTensor = kind is MemberKind.Layer or MemberKind.Sequential or MemberKind.Repeat || TypeShapes.IsModuleOfTensor(property.Type),
            ForEach = stageTable,
            Choices = choices,
            ChoicesCovered = choicesCovered,
            InheritanceModifiers = ShellReader.InheritanceModifiers(syntax),
            Residual = attributes.Residual is null ? null : ResidualSpans.Read(attributes.Residual, property.Name, context),
            IsAuxiliary = attributes.Auxiliary is not null,
            BranchThrough = attributes.Branch is null ? null : ReadBranchThrough(attributes.Branch),
        };

        return OpenWorldMembers.Complete(member, property, attributes.Factory, attributes.Parameter, attributes.Contract, location, context);
    }

    private static MemberAttributes Sort(IPropertySymbol property, MemberContext context, ArgumentInterpreter interpreter)
    {
        var sorted = new MemberAttributes();
        if (property.Type.TypeKind == TypeKind.Error)
        {
            context.HasCompilerErrors = true;
        }

        foreach (var attribute in property.GetAttributes())
        {
            var kind = AttributeKinds.Classify(attribute.AttributeClass, out var layerKind);
            if (kind != AttributeKind.None && HasErrors(attribute))
            {
                context.HasCompilerErrors = true;
                sorted.HasCompilerErrors = true;
                continue;
            }

            switch (kind)
            {
                case AttributeKind.Block: sorted.Block = attribute; break;
                case AttributeKind.Repeat: sorted.Repeats.Add(attribute); break;
                case AttributeKind.When: sorted.When = attribute; break;
                case AttributeKind.Branch: sorted.Branch = attribute; break;
                case AttributeKind.Init: sorted.Init = attribute; break;
                case AttributeKind.Factory: sorted.Factory = attribute; break;
                case AttributeKind.Parameter: sorted.Parameter = attribute; break;
                case AttributeKind.Contract: sorted.Contract = attribute; break;
                case AttributeKind.ForEach: sorted.ForEach = attribute; break;
                case AttributeKind.Residual: sorted.Residual = attribute; break;
                case AttributeKind.Auxiliary: sorted.Auxiliary = attribute; break;
                case AttributeKind.Layer:
                    var layer = LayerParser.Parse(attribute, layerKind, interpreter);
                    if (layerKind == LayerKind.Block)
                    {
                        CheckChildBlock(attribute.AttributeClass!.TypeArguments[0], layer, context);
                        context.UsesBlock(attribute.AttributeClass!.TypeArguments[0]);
                    }

                    sorted.Layers.Add(layer);
                    break;
                case AttributeKind.ForeignLayer: sorted.Foreign.Add(attribute); break;
            }
        }

        return sorted;
    }

    /// <summary>An attribute the compiler could not bind: its error is the one to show.</summary>
    public static bool HasErrors(AttributeData attribute) =>
        attribute.AttributeConstructor is null
        || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
        || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);

    private static MemberKind? Classify(IPropertySymbol property, MemberAttributes attributes, LocationInfo? location, MemberContext context, out int moduleIndex)
    {
        moduleIndex = -1;
        var layers = attributes.Layers;
        var typeText = property.Type.ToDisplayString();
        void Mismatch(string why) => context.Report(DiagnosticDescriptors.MemberTypeMismatch, location, property.Name, typeText, why);
        void Conflict(string why) => context.Report(DiagnosticDescriptors.ConflictingMemberAttributes, location, property.Name, why);

        if (attributes.Parameter is not null || attributes.Factory is not null)
        {
            var which = attributes.Parameter is not null ? "[Parameter]" : "[Factory]";
            if (attributes.Parameter is not null && attributes.Factory is not null || layers.Count > 0 || attributes.Block is not null || attributes.Repeat is not null)
            {
                Conflict($"combines {which} with other ways of creating it; a member is created one way");
                return null;
            }

            if (attributes.Parameter is not null)
            {
                if (TypeShapes.MetadataName(property.Type) != KnownNames.Parameter)
                {
                    Mismatch("a [Parameter] member must be typed Parameter (TorchSharp.Modules.Parameter)");
                    return null;
                }

                return MemberKind.Parameter;
            }

            if (!TypeShapes.IsModule(property.Type))
            {
                Mismatch("a [Factory] member must be a TorchSharp module");
                return null;
            }

            return MemberKind.Factory;
        }

        if (!TypeShapes.IsSequential(property.Type) && (attributes.ForEach is not null || layers.Any(l => l.When is not null || l.Name is not null)))
        {
            var child = layers.FirstOrDefault(l => l.When is not null || l.Name is not null);
            context.Report(DiagnosticDescriptors.InvalidStageTable, child?.Location ?? BlockLocation(attributes.ForEach, location),
                child is null ? "[ForEach]" : child.When is not null ? $"[{child.Kind}(When = \"{child.When}\")]" : $"[{child.Kind}(Name = \"{child.Name}\")]",
                property.ContainingType.Name,
                $"'{property.Name}' is typed {typeText}; a stage table, and children with a name or a condition, need a member typed Sequential (use [When] on the member to make it optional)");
            return null;
        }

        if (SequentialChildren.NameProblem(layers, attributes.ForEach is not null) is { } problem)
        {
            context.Report(DiagnosticDescriptors.InvalidStageTable, problem.Layer.Location, $"[{problem.Layer.Kind}(Name = \"{problem.Layer.Name}\")]",
                property.ContainingType.Name, problem.Why);
            return null;
        }

        if (TypeShapes.IsSequential(property.Type))
        {
            if (attributes.ForEach is not null && (attributes.Repeat is not null || layers.Count == 0))
            {
                Conflict(attributes.Repeat is not null
                    ? "combines [ForEach] with [Repeat<T>]; a stage table's body is the member's layer and [Block<T>] attributes"
                    : "has [ForEach] but no layer or [Block<T>] attributes to add for each row");
                return null;
            }

            if (attributes.Repeat is not null)
            {
                if (layers.Count > 0 || attributes.Block is not null)
                {
                    Conflict("combines [Repeat<T>] with layer or [Block] attributes; a repeated stage holds only its blocks");
                    return null;
                }

                return MemberKind.Repeat;
            }

            if (attributes.Block is not null)
            {
                Conflict("is a Sequential and cannot take [Block]; give it layer attributes or [Repeat<T>]");
                return null;
            }

            if (layers.FirstOrDefault(l => l.Kind.Entry()?.ReturnsTuple == true) is { } tupled)
            {
                Conflict($"is a Sequential, which cannot hold [{tupled.Kind}]: it returns a tuple; declare it as a member of its own");
                return null;
            }

            return MemberKind.Sequential;
        }

        if (attributes.Repeat is not null)
        {
            Mismatch("[Repeat<T>] needs a member typed Sequential");
            return null;
        }

        if (TypeShapes.LayerKindOf(property.Type) is { } layerKind && attributes.Block is null)
        {
            var matching = Enumerable.Range(0, layers.Count).Where(i => layers[i].Kind == layerKind).ToList();
            if (matching.Count != 1)
            {
                Mismatch(matching.Count == 0
                    ? $"it has no [{layerKind}] attribute; give it one, or build it with [Factory(...)]"
                    : $"it has {matching.Count} [{layerKind}] attributes; use a Sequential member for several");
                return null;
            }

            moduleIndex = matching[0];
            return CheckFunctionalOps(property, layers, moduleIndex, Conflict) ? MemberKind.Layer : null;
        }

        if (!TypeShapes.IsModule(property.Type))
        {
            Mismatch("NetGen members must be TorchSharp modules (layers, Sequential, blocks) or a Parameter");
            return null;
        }

        if (attributes.Block is null && layers.Count == 1 && layers[0].Kind == LayerKind.Block
            && layers[0].BlockType == property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeShapes.FullyQualified))
        {
            // A new user's first guess: [Block<T>] makes a Sequential's child; the member itself is made by [Block].
            Mismatch($"[Block<T>] adds a child to a Sequential member; a member typed {typeText} is made by [Block(...)] with the same arguments");
            return null;
        }

        if (attributes.Block is null && layers.Any(l => l.Kind.HasState() || l.Kind == LayerKind.Block))
        {
            Mismatch($"no attribute makes a {typeText}; give it [Block(...)] or [Factory(...)]");
            return null;
        }

        if (layers.Count > 0 && !TypeShapes.IsModuleOfTensor(property.Type))
        {
            Conflict("applies functional ops around a module that does not map one tensor to one tensor; apply them in a hand-written forward");
            return null;
        }

        return CheckFunctionalOps(property, layers, -1, Conflict) ? MemberKind.Block : null;
    }

    /// <summary>Around a single module, other attributes are functional ops, which cannot hold parameters.</summary>
    private static bool CheckFunctionalOps(IPropertySymbol property, ImmutableArray<LayerSpec>.Builder layers, int moduleIndex, System.Action<string> conflict)
    {
        for (var i = 0; i < layers.Count; i++)
        {
            if (i != moduleIndex && (layers[i].Kind.HasState() || layers[i].Kind == LayerKind.Block))
            {
                conflict($"has a second layer with parameters, [{layers[i].Kind}]; declare it as its own member or make '{property.Name}' a Sequential");
                return false;
            }
        }

        return true;
    }

    /// <summary>A <c>[Block&lt;T&gt;]</c> child of a Sequential must be creatable and map one tensor to one tensor.</summary>
    public static void CheckChildBlock(ITypeSymbol type, LayerSpec layer, MemberContext context)
    {
        if (!TypeShapes.IsModuleOfTensor(type))
        {
            context.Report(DiagnosticDescriptors.MemberTypeMismatch, layer.Location, type.Name, type.ToDisplayString(),
                "a child of a Sequential must be a Module<Tensor, Tensor>");
            return;
        }

        BlockConstructors.Check(type, layer.BlockArgs, context, "[Block<T>] arguments", layer.Location);
    }

    private static string? ReadWhen(IPropertySymbol property, AttributeData? when, MemberContext context)
    {
        if (when?.ConstructorArguments.FirstOrDefault().Value is not string name)
        {
            return null;
        }

        var location = LocationInfo.From(when.ApplicationSyntaxReference?.GetSyntax());
        return ConditionParser.Read(name, context.Parameters, property.ContainingType.Name, location, context.Diagnostics);
    }

    private static LocationInfo? BlockLocation(AttributeData? attribute, LocationInfo? fallback) =>
        attribute?.ApplicationSyntaxReference?.GetSyntax() is { } syntax ? LocationInfo.From(syntax) : fallback;

    internal static RepeatSpec? ReadRepeat(AttributeData repeat, MemberContext context)
    {
        var interpreter = context.Interpreter;
        var blockType = repeat.AttributeClass!.TypeArguments[0].ToDisplayString(TypeShapes.FullyQualified);
        var count = ArgValue.Absent;
        var first = EquatableArray<ArgValue>.Empty;
        var rest = EquatableArray<ArgValue>.Empty;
        var prefix = "";
        foreach (var raw in AttributeArguments.Read(repeat))
        {
            switch (raw.Name)
            {
                case "Count":
                    count = interpreter.Interpret(raw.Value, raw.Location);
                    if (count.Kind == ArgKind.Int && (count.Int < 1 || count.Int > RepeatLimits.MaxCount))
                    {
                        interpreter.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, "Count", "[Repeat]",
                            $"must be between 1 and {RepeatLimits.MaxCount:N0}, but is {count.Int:N0}");
                    }
                    else if (count.Kind == ArgKind.Parameter && !interpreter.IsIntegerParameter(count.Text!))
                    {
                        interpreter.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, "Count", "[Repeat]", $"names '{count.Text}', which is not an int parameter");
                    }
                    else if (count.Kind == ArgKind.Expression && !interpreter.IsInteger(count))
                    {
                        interpreter.Report(DiagnosticDescriptors.ExpressionTypeMismatch, raw.Location, count.Text!, "[Repeat]", $"Count needs an int, but the expression is {count.ExpressionType.Keyword()}");
                    }

                    break;
                case "First": first = interpreter.InterpretEach(raw.Value, raw.Location); break;
                case "Rest": rest = interpreter.InterpretEach(raw.Value, raw.Location); break;
                case "Prefix":
                    prefix = raw.Value.Value as string ?? "";
                    if (!BlockNamePrefix.IsValid(prefix))
                    {
                        interpreter.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, "Prefix", "[Repeat]",
                            $"is \"{prefix}\"; a block's name may hold only {BlockNamePrefix.Allowed}");
                        return null;
                    }

                    break;
            }
        }

        return ReadEach(repeat, context, new RepeatSpec(blockType, count, first, rest) { Prefix = prefix });
    }

    /// <summary><c>Each</c>, the arguments of every block, which may read the block's position under the name <c>Index</c>.</summary>
    private static RepeatSpec? ReadEach(AttributeData repeat, MemberContext context, RepeatSpec spec)
    {
        var raw = AttributeArguments.Read(repeat).ToDictionary(a => a.Name, a => a);
        var hasEach = raw.TryGetValue("Each", out var each);
        var index = raw.TryGetValue("Index", out var indexArgument) ? indexArgument.Value.Value as string : null;
        void Fail(RawArgument at, string why) => context.Report(DiagnosticDescriptors.InvalidStageTable, at.Location, "[Repeat]", context.Model.Name, why);
        if (!hasEach)
        {
            if (index is not null)
            {
                Fail(indexArgument, "Index names the block's position for Each's arguments, so it needs Each = [...]");
                return null;
            }

            return spec;
        }

        if (raw.TryGetValue("First", out var first) || raw.TryGetValue("Rest", out first))
        {
            Fail(first, "Each gives the arguments of every block, so First and Rest cannot be given too");
            return null;
        }

        var interpreter = context.Interpreter;
        if (index is not null)
        {
            if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(index) || context.Parameters.Any(p => p.Name == index))
            {
                Fail(indexArgument, context.Parameters.Any(p => p.Name == index)
                    ? $"Index '{index}' would hide the constructor parameter of that name; choose another name"
                    : $"Index must be a C# identifier, not \"{index}\"");
                return null;
            }

            interpreter = interpreter.WithIntNames(new[] { index });
        }

        var arguments = interpreter.InterpretEach(each.Value, each.Location);
        return spec with { First = arguments, Rest = arguments, Index = index };
    }

    private static string? ReadBranchThrough(AttributeData branch) =>
        branch.NamedArguments.FirstOrDefault(a => a.Key == "Through").Value.Value as string;

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
