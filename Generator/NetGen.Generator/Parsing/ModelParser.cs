using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads one <c>[Model]</c> class into a <see cref="ModelSpec"/> of plain values. Problems that make the
/// model impossible to generate come back as diagnostics, with no model.
/// </summary>
internal static class ModelParser
{
    public static ModelParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (ClassDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        var nameLocation = LocationInfo.From(syntax.Identifier.GetLocation());

        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (!TypeShapes.IsPartial(t))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelMustBePartial, nameLocation, t.Name));
                return Fail(diagnostics);
            }
        }

        if (!TypeShapes.IsModuleOfTensor(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelMustBeModule, nameLocation, type.Name));
            return Fail(diagnostics);
        }

        var constructor = ConstructorParser.Parse(type, diagnostics);
        var interpreter = new ArgumentInterpreter(type.Name, constructor.Parameters.Select(p => p.Name).ToImmutableArray(), diagnostics,
            constructor.Parameters.Where(p => TypeShapes.IsIntegerTypeName(p.TypeName)).Select(p => p.Name).ToImmutableArray());
        var members = ImmutableArray.CreateBuilder<MemberSpec>();
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var member = MemberParser.Parse(property, constructor.Parameters, interpreter, diagnostics);
            if (member is not null)
            {
                members.Add(member);
            }
        }

        foreach (var duplicate in members.GroupBy(m => m.Name).Where(g => g.Count() > 1))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingMemberAttributes, duplicate.Last().Location, duplicate.Key,
                "is declared more than once; each member is one child module and one state-dict prefix"));
        }

        var indexed = IndexedChildren(type, interpreter);
        if (indexed.Length > 0 && members.Count > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingMemberAttributes, nameLocation, type.Name,
                "declares layers both on the class (an indexed Sequential) and on members; use one or the other"));
        }

        members.AddRange(indexed);
        var declaresForward = type.GetMembers("forward").OfType<IMethodSymbol>().Any(m => !m.IsImplicitlyDeclared && m.Parameters.Length == 1);
        if (members.Count == 0 && !declaresForward)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyModel, nameLocation, type.Name));
        }

        var modelAttribute = type.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == KnownNames.ModelAttribute);
        var input = ReadInput(modelAttribute, interpreter);
        var residual = ReadResidual(type, members, constructor.Parameters, diagnostics);
        var initRules = InitRuleParser.ParseModelRules(type);

        if (diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return Fail(diagnostics);
        }

        var model = new ModelSpec(
            Namespace: type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            Name: type.Name,
            HintName: TypeShapes.MetadataName(type).Replace('+', '.').Replace('`', '_') + ".g.cs",
            ContainingTypes: ContainingTypes(type),
            Declaration: TypeShapes.DeclarationOf(type),
            Parameters: constructor.Parameters,
            HasPartialConstructor: constructor.IsPartial,
            ConstructorAccessibility: constructor.Accessibility,
            DeclaresForward: declaresForward,
            Members: new EquatableArray<MemberSpec>(members.ToImmutable()),
            InitRules: initRules,
            Residual: residual,
            Input: input,
            Location: nameLocation);
        return new ModelParseResult(model, diagnostics.ToEquatableArray());
    }

    /// <summary>Layer attributes on the class itself: children <c>0</c>, <c>1</c>, … as in <c>nn.Sequential</c>.</summary>
    private static ImmutableArray<MemberSpec> IndexedChildren(INamedTypeSymbol type, ArgumentInterpreter interpreter)
    {
        var children = ImmutableArray.CreateBuilder<MemberSpec>();
        foreach (var attribute in type.GetAttributes())
        {
            if (!LayerParser.IsLayerAttribute(attribute.AttributeClass) || LayerParser.Parse(attribute, interpreter) is not { } layer)
            {
                continue;
            }

            var name = children.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var typeName = layer.Kind == LayerKind.Block ? layer.BlockType! : layer.Kind.ModuleTypeName();
            children.Add(new MemberSpec(name, MemberKind.Layer, typeName, false, "private",
                EquatableArray.Create(layer), 0, EquatableArray<ArgValue>.Empty, null, null, null, null, layer.Location, IsIndexedChild: true));
        }

        return children.ToImmutable();
    }

    private static ModelParseResult Fail(List<DiagnosticInfo> diagnostics) => new(null, diagnostics.ToEquatableArray());

    private static EquatableArray<TypeDeclInfo> ContainingTypes(INamedTypeSymbol type)
    {
        var chain = new List<TypeDeclInfo>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            chain.Insert(0, TypeShapes.DeclarationOf(outer));
        }

        return chain.ToEquatableArray();
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

                return dims;
            }
        }

        return EquatableArray<ArgValue>.Empty;
    }

    private static ResidualSpec? ReadResidual(INamedTypeSymbol type, ImmutableArray<MemberSpec>.Builder members, EquatableArray<ParameterSpec> parameters, List<DiagnosticInfo> diagnostics)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.ResidualAttribute);
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
                if (!members.Any(m => m.Name == name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownMember, raw.Location, name, type.Name));
                }
            }
            else if (raw.Name == "When" && raw.Value.Value is string condition)
            {
                when = condition;
                if (!parameters.Any(p => p.Name == condition && p.TypeName == "bool"))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConditionMustBeBool, raw.Location, condition, type.Name));
                }
            }
            else if (raw.Name == "Activation")
            {
                activation = TypeShapes.EnumMemberName(raw.Value);
            }
        }

        return new ResidualSpec(shortcut, activation, when);
    }
}
