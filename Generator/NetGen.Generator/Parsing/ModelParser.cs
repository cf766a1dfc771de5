using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads one <c>[Model]</c> class into a <see cref="ModelSpec"/> of plain values. A declaration error gives
/// diagnostics and no model, but still the <see cref="ModelShell"/>, so that NetGen writes a stub that
/// compiles and the user sees the NG errors alone.
/// </summary>
internal static class ModelParser
{
    /// <param name="declaration">The declaration that carries <c>[Model]</c>, where diagnostics about the model go.</param>
    /// <param name="compilation">Asked about types while parsing; it never enters the pipeline.</param>
    /// <param name="dependencies">Collects the block types the model uses, for an analyzer that resolves them itself.</param>
    public static ModelParseResult Parse(INamedTypeSymbol type, ClassDeclarationSyntax declaration, Compilation compilation, CancellationToken cancellationToken, ICollection<INamedTypeSymbol>? dependencies = null)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var nameLocation = LocationInfo.From(declaration.Identifier.GetLocation());

        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (!TypeShapes.IsPartial(t))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelMustBePartial, nameLocation, t.Name));
                return new ModelParseResult(null, null, diagnostics.ToEquatableArray());
            }
        }

        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsFileLocal)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileLocalModel, nameLocation, t.Name));
                return new ModelParseResult(null, null, diagnostics.ToEquatableArray());
            }
        }

        if (!TypeShapes.IsModuleOfTensor(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelMustBeModule, nameLocation, type.Name));
            return new ModelParseResult(null, null, diagnostics.ToEquatableArray());
        }

        var constructor = ConstructorParser.Parse(type, diagnostics);
        var shell = ShellReader.Read(type, constructor);
        if (BaseModel(type) is { } baseModel)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelInheritance, nameLocation, type.Name, baseModel.Name));
            return new ModelParseResult(null, shell, diagnostics.ToEquatableArray());
        }

        var interpreter = new ArgumentInterpreter(type.Name, constructor.Parameters.Select(p => p.Name).ToImmutableArray(), diagnostics,
            constructor.Parameters.Where(p => TypeShapes.IsIntegerTypeName(p.TypeName)).Select(p => p.Name).ToImmutableArray(), constructor.Parameters);
        var context = new MemberContext(type, compilation, constructor.Symbol, constructor.Parameters, interpreter, diagnostics) { Dependencies = dependencies };
        var members = ReadMembers(type, context, cancellationToken);
        var indexed = IndexedChildren(type, context);
        if (context.HasCompilerErrors)
        {
            // The C# error (an undefined name in an attribute, a missing type) is what the user must fix;
            // NetGen's reading of the broken declaration would only add confusing errors of its own.
            return new ModelParseResult(null, shell, diagnostics.ToEquatableArray());
        }

        if (indexed.Length > 0 && members.Count(m => m.Kind != MemberKind.Field) > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingMemberAttributes, nameLocation, type.Name,
                "declares layers both on the class (an indexed Sequential) and on members; use one or the other"));
        }

        members.AddRange(indexed);
        if (members.Count == 0 && context.AttributedMembers == 0 && !shell.DeclaresForward)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyModel, nameLocation, type.Name));
        }

        var modelAttribute = type.GetAttributes().First(a => AttributeKinds.IsModelAttribute(a.AttributeClass));
        var input = ReadInput(modelAttribute, interpreter);
        var residual = ReadResidual(type, members, constructor.Parameters, diagnostics);
        ForwardChecks.Check(type.Name, shell.DeclaresForward, members, residual, nameLocation, diagnostics);
        // A span naming no member is wrong whoever writes the forward, as a [Residual(Shortcut)] naming none is.
        ResidualSpans.Check(members, type.Name, diagnostics);

        var initRules = InitRuleParser.ParseModelRules(type);
        var gate = GateAndChunkParser.ReadGate(type, shell.DeclaresForward, residual, diagnostics);
        var chunk = GateAndChunkParser.ReadChunk(type, shell.DeclaresForward, members, constructor.Parameters, interpreter, diagnostics);
        BranchSpans.Check(members, type.Name, chunked: type.GetAttributes().Any(a => AttributeKinds.Is(a.AttributeClass, GateAndChunkParser.ChunkAttribute) || AttributeKinds.Is(a.AttributeClass, GateAndChunkParser.SplitAttribute)), diagnostics);

        if (diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return new ModelParseResult(null, shell, diagnostics.ToEquatableArray());
        }

        var model = new ModelSpec(shell, new EquatableArray<MemberSpec>(members.ToImmutable()), initRules, residual, input, nameLocation)
        {
            Forward = shell.DeclaresForward ? ReadForward(type, shell, members, compilation, cancellationToken) : null,
            Gate = gate,
            Chunk = chunk,
            Variants = ReadVariants(type, compilation, cancellationToken),
        };
        return new ModelParseResult(model, shell, diagnostics.ToEquatableArray());
    }

    /// <summary>Properties and fields in declaration order, which is PyTorch's registration order.</summary>
    private static ImmutableArray<MemberSpec>.Builder ReadMembers(INamedTypeSymbol type, MemberContext context, CancellationToken cancellationToken)
    {
        var members = ImmutableArray.CreateBuilder<MemberSpec>();
        foreach (var symbol in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var member = symbol switch
            {
                IPropertySymbol property => MemberParser.Parse(property, context),
                IFieldSymbol field => FieldParser.ParseField(field, context),
                _ => null,
            };
            if (member is not null)
            {
                members.Add(member);
            }
        }

        foreach (var duplicate in members.GroupBy(m => m.Name).Where(g => g.Count() > 1))
        {
            context.Report(DiagnosticDescriptors.ConflictingMemberAttributes, duplicate.Last().Location, duplicate.Key,
                "is declared more than once; each member is one child module and one state-dict prefix");
        }

        return members;
    }

    /// <summary>
    /// The hand-written forward for the analysis to follow. Reading it must never cost the model its generated
    /// code: should NetGen fail on some C# it has not met, the forward is left to the members-alone checks.
    /// </summary>
    private static ForwardSpec? ReadForward(INamedTypeSymbol type, ModelShell shell, IEnumerable<MemberSpec> members, Compilation compilation, CancellationToken cancellationToken)
    {
        try
        {
            return ForwardReader.Read(type, shell, members, compilation, cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            _ = exception;
            return null;
        }
    }

    /// <summary>The factories to summarise. They only add summaries, so C# NetGen has not met costs the variants, never the model.</summary>
    private static EquatableArray<VariantSpec> ReadVariants(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        try
        {
            return VariantParser.Parse(type, compilation, cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            _ = exception;
            return EquatableArray<VariantSpec>.Empty;
        }
    }

    /// <summary>The nearest base class that is itself a NetGen model, if any.</summary>
    private static INamedTypeSymbol? BaseModel(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (TypeShapes.IsNetGenModel(current))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>Layer attributes on the class itself: children <c>0</c>, <c>1</c>, … as in <c>nn.Sequential</c>.</summary>
    private static ImmutableArray<MemberSpec> IndexedChildren(INamedTypeSymbol type, MemberContext context)
    {
        var children = ImmutableArray.CreateBuilder<MemberSpec>();
        foreach (var attribute in type.GetAttributes())
        {
            var kind = AttributeKinds.Classify(attribute.AttributeClass, out var layerKind);
            if (kind == AttributeKind.ForeignLayer)
            {
                context.Report(DiagnosticDescriptors.ForeignLayerAttribute, LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax()),
                    attribute.AttributeClass!.ToDisplayString(), type.Name);
                continue;
            }

            if (kind != AttributeKind.Layer)
            {
                continue;
            }

            if (MemberParser.HasErrors(attribute))
            {
                context.HasCompilerErrors = true;
                continue;
            }

            var layer = LayerParser.Parse(attribute, layerKind, context.Interpreter);
            if (layer.When is not null)
            {
                context.Report(DiagnosticDescriptors.InvalidStageTable, layer.Location, $"[{layerKind.Name}(When = \"{layer.When}\")]", type.Name,
                    "the children declared on the model class are a fixed list; put the conditional children in a member typed Sequential");
                continue;
            }

            if (layerKind.Entry()?.ReturnsTuple == true)
            {
                context.Report(DiagnosticDescriptors.MemberTypeMismatch, layer.Location, layerKind.Name, layerKind.ModuleTypeName(),
                    "a child of a Sequential must be a Module<Tensor, Tensor>, and it returns a tuple; declare it as a member of its own");
                continue;
            }

            var blockType = layerKind == LayerKind.Block ? attribute.AttributeClass!.TypeArguments[0] : null;
            if (blockType is not null)
            {
                MemberParser.CheckChildBlock(blockType, layer, context);
                context.UsesBlock(blockType);
            }

            // A named child (nn.Sequential(OrderedDict(...))) is a member of that name; the others keep their position.
            var name = layer.KeyAt(children.Count);
            if (children.Any(c => c.Name == name))
            {
                context.Report(DiagnosticDescriptors.InvalidStageTable, layer.Location, $"[{layerKind.Name}(Name = \"{name}\")]", type.Name,
                    $"another child of '{type.Name}' is already named '{name}'");
                continue;
            }

            var typeName = layer.Dense is { } dense ? dense.ModuleType : layer.Kind == LayerKind.Block ? layer.BlockType! : layer.Kind.ModuleTypeName();
            children.Add(new MemberSpec(name, MemberKind.Layer, typeName, false, "private",
                EquatableArray.Create(layer with { Name = null }), 0, EquatableArray<ArgValue>.Empty, null, null, null, null, layer.Location, IsIndexedChild: true));
        }

        return children.ToImmutable();
    }

    private static EquatableArray<ArgValue> ReadInput(AttributeData modelAttribute, ArgumentInterpreter interpreter)
    {
        foreach (var raw in AttributeArguments.Read(modelAttribute))
        {
            if (raw.Name == "Input")
            {
                var dims = interpreter.InterpretEach(raw.Value, raw.Location);
                foreach (var dim in dims)
                {
                    if (dim.Kind == ArgKind.Int && dim.Int < 1)
                    {
                        interpreter.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, "Input", "[Model]", $"has a dimension {dim.Int}; every size must be at least 1");
                    }
                    else if (dim.Kind is not (ArgKind.Int or ArgKind.Parameter))
                    {
                        interpreter.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, "Input", "[Model]", "must hold ints or parameter names");
                    }
                }

                if (dims.All(d => d.Kind == ArgKind.Int && d.Int >= 1) && Analysis.Counting.Product(dims.Select(d => d.Int)) < 0)
                {
                    interpreter.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, "Input", "[Model]",
                        $"describes a sample of {string.Join("×", dims.Select(d => d.Int))} elements, more than a tensor can hold (2^63 − 1)");
                }

                return dims;
            }
        }

        return EquatableArray<ArgValue>.Empty;
    }

    private static ResidualSpec? ReadResidual(INamedTypeSymbol type, ImmutableArray<MemberSpec>.Builder members, EquatableArray<ParameterSpec> parameters, List<DiagnosticInfo> diagnostics)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => AttributeKinds.IsResidual(a.AttributeClass));
        if (attribute is null)
        {
            return null;
        }

        string? shortcut = null;
        string? when = null;
        var activation = "None";
        foreach (var raw in AttributeArguments.Read(attribute))
        {
            if (raw.Name == "Shortcut" && raw.Value.Value is string name)
            {
                shortcut = name;
                if (!members.Any(m => m.Name == name && m.Kind != MemberKind.Field))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownMember, raw.Location, name, type.Name));
                }
            }
            else if (raw.Name == "When" && raw.Value.Value is string condition)
            {
                when = ConditionParser.Read(condition, parameters, type.Name, raw.Location, diagnostics);
            }
            else if (raw.Name == "Activation")
            {
                activation = TypeShapes.EnumMemberName(raw.Value);
            }
        }

        return new ResidualSpec(shortcut, activation, when);
    }
}
