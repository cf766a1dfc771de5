using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Mutation;

/// <summary>The kinds of single edit, as the acceptance line names them.</summary>
public enum MutationOperator
{
    /// <summary>A channel count (conv in/out, norm features, a block's channel argument, a width hyperparameter) ±1 or ×2, or another channel parameter's name.</summary>
    Channels,

    /// <summary>A conv or pool kernel size ±1.</summary>
    Kernel,

    /// <summary>A stride ±1, or a stride added where there was none.</summary>
    Stride,

    /// <summary>A padding ±1, or a padding added where there was none.</summary>
    Padding,

    /// <summary>Groups added or changed.</summary>
    Groups,

    /// <summary>A Linear's in_features ±1 or ×2.</summary>
    LinearInFeatures,

    /// <summary>A shortcut dropped, forced or its condition flipped.</summary>
    Shortcut,

    /// <summary>Everything else that changes a size: out_features, class counts, repeat counts, adaptive output sizes.</summary>
    Other,

    /// <summary>A dimension of a <c>[Contract]</c> (an int ±1, or a hyperparameter's name swapped for another's), or the contract removed.</summary>
    Contract,

    /// <summary>A dimension of a <c>[Parameter]</c>'s shape: an int ±1, or a hyperparameter's name swapped for another's.</summary>
    Parameter,

    /// <summary>A <c>[Factory]</c> method's hyperparameter: read another hyperparameter instead, or pass it on +1.</summary>
    Factory,

    /// <summary>In a hand-written forward: the dimension of a <c>cat</c>, <c>stack</c>, <c>split</c>, <c>chunk</c> or <c>narrow</c> ±1.</summary>
    ForwardJoinDim,

    /// <summary>In a hand-written forward: a literal inside a <c>view</c> or <c>reshape</c> size ±1 or ×2.</summary>
    ForwardViewSize,

    /// <summary>In a hand-written forward: one dimension of a <c>transpose</c> or <c>permute</c> ±1, or the pair swapped.</summary>
    ForwardTranspose,

    /// <summary>In a hand-written forward: a call of one member replaced by a call of another.</summary>
    ForwardSwapMember,

    /// <summary>In a hand-written forward: a layout call (<c>flatten</c>, <c>transpose</c>, <c>view</c>, …) or an activation dropped.</summary>
    ForwardDropCall,

    /// <summary>In a hand-written forward: a tensor local or parameter read in place of another.</summary>
    ForwardSwapValue,

    /// <summary>In a hand-written forward: any other integer (a flatten, unsqueeze or reduction dimension, a pooling size, a chunk count, an index) ±1.</summary>
    ForwardOther,
}

/// <summary>One single-edit variant of one sample file.</summary>
/// <param name="InsideOpaqueRegion">The edit changes only what NetGen takes on trust: the output a <c>[Contract]</c>
/// claims (or the contract itself), a factory's body, or an argument of a module that is not a NetGen model.
/// NetGen does not claim to check such an edit, so, unflagged, it counts as unchecked.</param>
public sealed record Mutant(string Id, string File, MutationOperator Operator, string Description, string MutatedText, bool InsideOpaqueRegion = false)
{
    public override string ToString() => $"{Id} [{Operator}] {File}: {Description}{(InsideOpaqueRegion ? " (opaque region)" : "")}";
}

/// <summary>A constructor parameter of a model class, as written in its partial constructor.</summary>
internal sealed record CtorParameter(string Name, string Type, ExpressionSyntax? Default);

/// <summary>
/// Enumerates single syntactic edits of the sample models' attribute argument lists (and the defaults of
/// their partial constructors, which those arguments name), with Roslyn syntax rewriting. Each edit
/// yields a whole new file text; the rest of the sample set stays as it is.
/// </summary>
public static partial class Mutator
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    public static IReadOnlyList<Mutant> Enumerate(IReadOnlyList<SampleFile> files)
    {
        var trees = files.ToDictionary(f => f.Name, f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Name));
        var constructors = trees.Values
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Select(c => (c.Identifier.Text, Parameters: Parameters(c)))
            .Where(c => c.Parameters is not null)
            .GroupBy(c => c.Text)
            .ToDictionary(g => g.Key, g => g.First().Parameters!);

        var models = trees.Values
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Where(c => c.AttributeLists.SelectMany(l => l.Attributes).Any(a => NameOf(a).Name == "Model"))
            .Select(c => c.Identifier.Text)
            .ToHashSet(StringComparer.Ordinal);

        // Forward edits need types (which locals are tensors); the generated halves are missing, which the semantic model survives.
        var compilation = CSharpCompilation.Create("NetGenMutationSources", trees.Values, MutantRunner.References);

        var mutants = new List<Mutant>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var root = trees[file.Name].GetRoot();
            var edits = new List<Edit>();
            foreach (var cls in root.DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                var parameters = constructors.TryGetValue(cls.Identifier.Text, out var p) ? p : new List<CtorParameter>();
                CollectConstructorDefaults(cls, parameters, edits);
                var site = new Site(cls, parameters, constructors, models);
                foreach (var attribute in cls.AttributeLists.SelectMany(l => l.Attributes))
                {
                    CollectAttribute(site, null, attribute, edits);
                }

                foreach (var property in cls.Members.OfType<PropertyDeclarationSyntax>())
                {
                    foreach (var attribute in property.AttributeLists.SelectMany(l => l.Attributes))
                    {
                        CollectAttribute(site, property, attribute, edits);
                    }
                }

                CollectForward(cls, compilation.GetSemanticModel(trees[file.Name]), edits);
            }

            var index = 0;
            foreach (var edit in edits)
            {
                var text = edit.Apply(root).ToFullString();
                if (text == file.Text || !seen.Add(file.Name + "\n" + text))
                {
                    continue;
                }

                mutants.Add(new Mutant($"{StemOf(file.Name)}-{++index:D3}", file.Name, edit.Operator, edit.Description, text, edit.Opaque));
            }
        }

        return mutants;
    }

    private static string StemOf(string fileName) => System.IO.Path.GetFileNameWithoutExtension(fileName);

    /// <summary>One edit: a description and how it rewrites the file's syntax tree.</summary>
    private sealed record Edit(MutationOperator Operator, string Description, Func<SyntaxNode, SyntaxNode> Apply, bool Opaque = false);

    /// <summary>The class an attribute sits in: its constructor's parameters, every class's, and which classes are NetGen models.</summary>
    private sealed record Site(ClassDeclarationSyntax Class, List<CtorParameter> Parameters, Dictionary<string, List<CtorParameter>> Constructors, IReadOnlySet<string> Models);

    private static List<CtorParameter>? Parameters(ClassDeclarationSyntax cls)
    {
        var ctor = cls.Members.OfType<ConstructorDeclarationSyntax>().FirstOrDefault();
        return ctor?.ParameterList.Parameters
            .Select(p => new CtorParameter(p.Identifier.Text, p.Type?.ToString() ?? "", p.Default?.Value))
            .ToList();
    }

    private static void CollectConstructorDefaults(ClassDeclarationSyntax cls, List<CtorParameter> parameters, List<Edit> edits)
    {
        foreach (var parameter in parameters.Where(p => p.Type == "int" && p.Default is not null))
        {
            var op = CategoryOfParameter(parameter);
            var where = $"{cls.Identifier.Text}({parameter.Name} = {parameter.Default})";
            AddIntEdits(edits, parameter.Default!, op, where);
        }
    }

    private static void CollectAttribute(Site site, PropertyDeclarationSyntax? carrier, AttributeSyntax attribute, List<Edit> edits)
    {
        var (cls, parameters, constructors) = (site.Class, site.Parameters, site.Constructors);
        var (name, typeArgument) = NameOf(attribute);
        if (name == "Block" && typeArgument is null && carrier is not null)
        {
            // [Block(args)] builds the member's own type.
            typeArgument = carrier.Type.ToString().Split('.').Last();
        }

        var args = attribute.ArgumentList?.Arguments ?? default;
        var positional = args.Where(a => a.NameEquals is null).ToList();
        var named = args.Where(a => a.NameEquals is not null).ToDictionary(a => a.NameEquals!.Name.Identifier.Text, a => a);
        var where = $"{cls.Identifier.Text}: [{attribute}]";

        switch (name)
        {
            case "Conv2d":
                Positional(0, MutationOperator.Channels, "in_channels");
                Positional(1, MutationOperator.Channels, "out_channels");
                Positional(2, MutationOperator.Kernel, "kernel_size");
                Named("Stride", MutationOperator.Stride, "2");
                Named("Padding", MutationOperator.Padding, "1");
                Named("Groups", MutationOperator.Groups, "2");
                break;
            case "ConvTranspose2d":
                Positional(0, MutationOperator.Channels, "in_channels");
                Positional(1, MutationOperator.Channels, "out_channels");
                Positional(2, MutationOperator.Kernel, "kernel_size");
                Named("Stride", MutationOperator.Stride, "2");
                Named("Padding", MutationOperator.Padding, "1");
                break;
            case "BatchNorm2d":
                Positional(0, MutationOperator.Channels, "num_features");
                break;
            case "LayerNorm":
                Positional(0, MutationOperator.Channels, "normalized_shape");
                break;
            case "Embedding":
                // Only the width: the vocabulary size is not a shape that flows on (and the oracle's token ids are 0).
                Positional(1, MutationOperator.Channels, "embedding_dim");
                break;
            case "Linear":
                Positional(0, MutationOperator.LinearInFeatures, "in_features");
                Positional(1, MutationOperator.Other, "out_features");
                break;
            case "MaxPool2d" or "AvgPool2d":
                Positional(0, MutationOperator.Kernel, "kernel_size");
                Named("Stride", MutationOperator.Stride, null);
                Named("Padding", MutationOperator.Padding, "1");
                break;
            case "AdaptiveAvgPool2d":
                Positional(0, MutationOperator.Other, "output_size");
                break;
            case "Block" when typeArgument is not null && constructors.TryGetValue(typeArgument, out var blockParameters):
                // A module that is not a NetGen model does with its arguments what NetGen cannot see.
                var opaqueBlock = !site.Models.Contains(typeArgument);
                for (var i = 0; i < positional.Count && i < blockParameters.Count; i++)
                {
                    ValueEdits(positional[i].Expression, blockParameters[i], $"{where} {typeArgument}.{blockParameters[i].Name}", opaque: opaqueBlock);
                }

                break;
            case "Contract":
                foreach (var side in new[] { "Input", "Output" })
                {
                    if (named.TryGetValue(side, out var argument) && argument.Expression is CollectionExpressionSyntax collection)
                    {
                        // NetGen checks a contract's input against what arrives; the output it takes on trust.
                        foreach (var (element, i) in collection.Elements.OfType<ExpressionElementSyntax>().Select((e, i) => (e, i)))
                        {
                            DimensionEdits(element.Expression, MutationOperator.Contract, $"{where} {side}[{i}]", opaque: side == "Output");
                        }
                    }
                }

                edits.Add(new Edit(MutationOperator.Contract, $"{where}: remove the contract", root => RemoveAttribute(root, attribute), Opaque: true));
                break;
            case "Parameter":
                foreach (var (argument, i) in positional.Select((a, i) => (a, i)))
                {
                    DimensionEdits(argument.Expression, MutationOperator.Parameter, $"{where} shape[{i}]", opaque: false);
                }

                break;
            case "Factory" when positional.Count == 1 && FactoryMethod(cls, positional[0].Expression) is { } factory:
                FactoryEdits(factory, parameters, $"{where} {factory.Identifier.Text}", edits);
                break;
            case "Repeat" when typeArgument is not null && constructors.TryGetValue(typeArgument, out var repeatParameters):
                if (positional.Count > 0)
                {
                    AddIntEdits(edits, positional[0].Expression, MutationOperator.Other, $"{where} count", plusOneOnly: true);
                }

                foreach (var list in new[] { "First", "Rest" })
                {
                    if (named.TryGetValue(list, out var argument) && argument.Expression is CollectionExpressionSyntax collection)
                    {
                        var elements = collection.Elements.OfType<ExpressionElementSyntax>().ToList();
                        for (var i = 0; i < elements.Count && i < repeatParameters.Count; i++)
                        {
                            ValueEdits(elements[i].Expression, repeatParameters[i], $"{where} {list}.{repeatParameters[i].Name}");
                        }
                    }
                }

                break;
            case "Residual":
                foreach (var key in new[] { "Shortcut", "When" })
                {
                    if (named.TryGetValue(key, out var argument))
                    {
                        edits.Add(new Edit(MutationOperator.Shortcut, $"{where}: remove {argument}", root => RemoveArgument(root, argument)));
                    }
                }

                if (named.TryGetValue("Shortcut", out var shortcut) && shortcut.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } member)
                {
                    var property = cls.Members.OfType<PropertyDeclarationSyntax>().FirstOrDefault(p => p.Identifier.Text == member.Token.ValueText);
                    if (property is not null)
                    {
                        // Dropping the projection: the member goes, and so does the Shortcut naming it.
                        edits.Add(new Edit(MutationOperator.Shortcut, $"{where}: delete the shortcut member '{property.Identifier.Text}' and Shortcut (identity shortcut)",
                            root =>
                            {
                                var withoutArgument = RemoveArgument(root, shortcut);
                                var target = withoutArgument.DescendantNodes().OfType<PropertyDeclarationSyntax>().Single(p => p.Identifier.Text == property.Identifier.Text);
                                return withoutArgument.RemoveNode(target, SyntaxRemoveOptions.KeepNoTrivia)!;
                            }));
                    }
                }

                break;
            case "When":
                edits.Add(new Edit(MutationOperator.Shortcut, $"{where}: remove the attribute (the member always exists)", root => RemoveAttribute(root, attribute)));
                break;
        }

        void Positional(int index, MutationOperator op, string role)
        {
            if (index < positional.Count)
            {
                ValueEdits(positional[index].Expression, null, $"{where} {role}", op);
            }
        }

        void Named(string key, MutationOperator op, string? whenAbsent)
        {
            if (named.TryGetValue(key, out var argument))
            {
                ValueEdits(argument.Expression, null, $"{where} {key}", op);
            }
            else if (whenAbsent is not null)
            {
                edits.Add(new Edit(op, $"{where}: add {key} = {whenAbsent}", root => AddNamedArgument(root, attribute, key, whenAbsent)));
            }
        }

        // A dimension of a [Contract] or [Parameter]: an int ±1, or a hyperparameter's name for the nearest other
        // int hyperparameter of any kind (a free name such as "seq" is left alone: it binds to what arrives).
        void DimensionEdits(ExpressionSyntax expression, MutationOperator op, string description, bool opaque)
        {
            if (expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } reference)
            {
                if (NearestOther(parameters, reference.Token.ValueText, _ => true) is { } alternative)
                {
                    edits.Add(new Edit(op, $"{description}: \"{reference.Token.ValueText}\" → \"{alternative.Name}\"", root => Replace(root, reference, $"\"{alternative.Name}\""), opaque));
                }
            }
            else
            {
                AddIntEdits(edits, expression, op, description, opaque: opaque);
            }
        }

        void ValueEdits(ExpressionSyntax expression, CtorParameter? target, string description, MutationOperator? op = null, bool opaque = false)
        {
            var category = op ?? (target is null ? MutationOperator.Other : CategoryOfParameter(target));
            switch (expression)
            {
                case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression or (int)SyntaxKind.FalseLiteralExpression } flag:
                    var flipped = flag.IsKind(SyntaxKind.TrueLiteralExpression) ? "false" : "true";
                    edits.Add(new Edit(MutationOperator.Shortcut, $"{description}: {flag} → {flipped}", root => Replace(root, flag, flipped), opaque));
                    break;
                case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } reference:
                    // A hyperparameter's name: swap it for a neighbouring parameter of the same kind.
                    var own = parameters.FirstOrDefault(p => p.Name == reference.Token.ValueText);
                    if (own is null || own.Type != "int")
                    {
                        break;
                    }

                    var kind = op ?? CategoryOfParameter(own);
                    if (NearestOther(parameters, own.Name, p => CategoryOfParameter(p) == CategoryOfParameter(own)) is { } alternative)
                    {
                        edits.Add(new Edit(kind, $"{description}: \"{own.Name}\" → \"{alternative.Name}\"", root => Replace(root, reference, $"\"{alternative.Name}\""), opaque));
                    }

                    break;
                default:
                    AddIntEdits(edits, expression, category, description, opaque: opaque);
                    break;
            }
        }
    }

    /// <summary>The int hyperparameter nearest <paramref name="name"/> in the constructor (earlier first on a tie) that <paramref name="fits"/>.</summary>
    private static CtorParameter? NearestOther(List<CtorParameter> parameters, string name, Func<CtorParameter, bool> fits)
    {
        var own = parameters.FirstOrDefault(p => p.Name == name);
        if (own is null || own.Type != "int")
        {
            return null;
        }

        var at = parameters.IndexOf(own);
        return parameters.Where(p => p.Type == "int" && p.Name != own.Name && fits(p))
            .OrderBy(p => Math.Abs(parameters.IndexOf(p) - at)).ThenBy(p => parameters.IndexOf(p))
            .FirstOrDefault();
    }

    /// <summary>The method a <c>[Factory(nameof(M))]</c> or <c>[Factory("M")]</c> names, if the class declares it.</summary>
    private static MethodDeclarationSyntax? FactoryMethod(ClassDeclarationSyntax cls, ExpressionSyntax argument)
    {
        var name = argument switch
        {
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "nameof" } } nameOf => nameOf.ArgumentList.Arguments[0].Expression.ToString(),
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => literal.Token.ValueText,
            _ => null,
        };
        return cls.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.Text == name);
    }

    /// <summary>
    /// For each int hyperparameter a factory takes: take the nearest other hyperparameter instead (the parameter
    /// and its uses renamed, so the factory reads that one), and use it +1. NetGen cannot see into the body, so
    /// these edits are inside an opaque region.
    /// </summary>
    private static void FactoryEdits(MethodDeclarationSyntax factory, List<CtorParameter> hyperparameters, string where, List<Edit> edits)
    {
        var taken = factory.ParameterList.Parameters.Select(p => p.Identifier.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var parameter in factory.ParameterList.Parameters.Where(p => p.Type?.ToString() == "int"))
        {
            var name = parameter.Identifier.Text;
            var uses = factory.DescendantNodes().OfType<IdentifierNameSyntax>().Where(i => i.Identifier.Text == name).ToList();
            if (uses.Count == 0)
            {
                continue;
            }

            if (NearestOther(hyperparameters, name, p => !taken.Contains(p.Name)) is { } other)
            {
                edits.Add(new Edit(MutationOperator.Factory, $"{where}: takes \"{other.Name}\" instead of \"{name}\"", root =>
                {
                    var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Span == factory.Span);
                    var renamed = method.ReplaceNodes(
                        method.DescendantNodes().OfType<IdentifierNameSyntax>().Where(i => i.Identifier.Text == name),
                        (_, node) => node.WithIdentifier(SyntaxFactory.Identifier(other.Name).WithTriviaFrom(node.Identifier)));
                    var declared = renamed.ParameterList.Parameters.Single(p => p.Identifier.Text == name);
                    return root.ReplaceNode(method, renamed.ReplaceNode(declared, declared.WithIdentifier(SyntaxFactory.Identifier(other.Name).WithTriviaFrom(declared.Identifier))));
                }, Opaque: true));
            }

            edits.Add(new Edit(MutationOperator.Factory, $"{where}: {name} → {name} + 1", root =>
                root.ReplaceNodes(
                    root.DescendantNodes().OfType<IdentifierNameSyntax>().Where(i => factory.Span.Contains(i.Span) && i.Identifier.Text == name),
                    (_, node) => SyntaxFactory.ParseExpression($"{name} + 1").WithTriviaFrom(node)), Opaque: true));
        }
    }

    /// <summary>±1 and ×2 for channel and feature counts; ±1 for kernel, stride, padding and contract or parameter dimensions; ×2 and +1 for groups.</summary>
    private static void AddIntEdits(List<Edit> edits, ExpressionSyntax expression, MutationOperator op, string description, bool plusOneOnly = false, bool opaque = false)
    {
        if (Evaluate(expression) is not { } value)
        {
            return;
        }

        var candidates = new List<long>();
        if (plusOneOnly || op == MutationOperator.Other)
        {
            candidates.Add(value + 1);
        }
        else
        {
            var minimum = op == MutationOperator.Padding ? 0 : 1;
            candidates.Add(value + 1);
            if (value - 1 >= minimum)
            {
                candidates.Add(value - 1);
            }

            if (op is MutationOperator.Channels or MutationOperator.LinearInFeatures or MutationOperator.Groups)
            {
                candidates.Add(value * 2);
            }
        }

        foreach (var candidate in candidates.Distinct())
        {
            var replacement = expression is LiteralExpressionSyntax ? candidate.ToString(CultureInfo.InvariantCulture) : Arithmetic(expression, value, candidate);
            edits.Add(new Edit(op, $"{description}: {expression} → {replacement}", root => Replace(root, expression, replacement), opaque));
        }
    }

    /// <summary>An arithmetic default such as <c>64 * 54 * 54</c> keeps its form: <c>64 * 54 * 54 + 1</c>, <c>(64 * 54 * 54) * 2</c>.</summary>
    private static string Arithmetic(ExpressionSyntax expression, long value, long candidate) =>
        candidate == value + 1 ? $"{expression} + 1"
        : candidate == value - 1 ? $"{expression} - 1"
        : $"({expression}) * 2";

    private static long? Evaluate(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal when literal.Token.Value is int i => i,
        ParenthesizedExpressionSyntax parenthesized => Evaluate(parenthesized.Expression),
        BinaryExpressionSyntax binary when Evaluate(binary.Left) is { } left && Evaluate(binary.Right) is { } right => binary.Kind() switch
        {
            SyntaxKind.MultiplyExpression => left * right,
            SyntaxKind.AddExpression => left + right,
            SyntaxKind.SubtractExpression => left - right,
            _ => null,
        },
        _ => null,
    };

    private static MutationOperator CategoryOfParameter(CtorParameter parameter)
    {
        var name = parameter.Name.ToLowerInvariant();
        return parameter.Type == "bool" ? MutationOperator.Shortcut
            : name.Contains("stride") ? MutationOperator.Stride
            : name.Contains("kernel") ? MutationOperator.Kernel
            : name.Contains("padding") ? MutationOperator.Padding
            : name.Contains("groups") ? MutationOperator.Groups
            : name.Contains("flat") ? MutationOperator.LinearInFeatures
            : name.Contains("classes") ? MutationOperator.Other
            : MutationOperator.Channels;
    }

    private static (string Name, string? TypeArgument) NameOf(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax q => q.Right,
            SimpleNameSyntax s => s,
            var other => (SimpleNameSyntax?)null ?? throw new InvalidOperationException($"Unexpected attribute name {other}"),
        };
        var typeArgument = name is GenericNameSyntax g ? g.TypeArgumentList.Arguments[0].ToString() : null;
        if (typeArgument is not null && typeArgument.Contains('.'))
        {
            typeArgument = typeArgument.Substring(typeArgument.LastIndexOf('.') + 1);
        }

        var text = name.Identifier.Text;
        return (text.EndsWith("Attribute", StringComparison.Ordinal) ? text.Substring(0, text.Length - "Attribute".Length) : text, typeArgument);
    }

    private static SyntaxNode Replace(SyntaxNode root, ExpressionSyntax original, string replacement)
    {
        var node = root.FindNode(original.Span, getInnermostNodeForTie: true);
        while (node.Span != original.Span || node is not ExpressionSyntax)
        {
            node = node.Parent!;
        }

        var parsed = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(node);
        return root.ReplaceNode(node, parsed);
    }

    private static SyntaxNode RemoveArgument(SyntaxNode root, AttributeArgumentSyntax argument)
    {
        var node = (AttributeArgumentSyntax)root.FindNode(argument.Span);
        var list = (AttributeArgumentListSyntax)node.Parent!;
        var rest = list.Arguments.Remove(node);
        return root.ReplaceNode(list, rest.Count == 0 ? SyntaxFactory.AttributeArgumentList() : list.WithArguments(rest));
    }

    private static SyntaxNode RemoveAttribute(SyntaxNode root, AttributeSyntax attribute)
    {
        var node = (AttributeSyntax)root.FindNode(attribute.Span);
        var list = (AttributeListSyntax)node.Parent!;
        return list.Attributes.Count == 1
            ? root.RemoveNode(list, SyntaxRemoveOptions.KeepLeadingTrivia)!
            : root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(node)));
    }

    private static SyntaxNode AddNamedArgument(SyntaxNode root, AttributeSyntax attribute, string name, string value)
    {
        var node = (AttributeSyntax)root.FindNode(attribute.Span);
        var argument = SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression(value))
            .WithNameEquals(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(name), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)));
        var list = node.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        var arguments = list.Arguments.Count == 0
            ? SyntaxFactory.SeparatedList(new[] { argument })
            : list.Arguments.Add(argument);
        var separators = arguments.GetSeparators().ToList();
        var spaced = SyntaxFactory.SeparatedList(arguments, separators.Select(s => s.WithTrailingTrivia(SyntaxFactory.Space)));
        return root.ReplaceNode(node, node.WithArgumentList(list.WithArguments(spaced)));
    }
}
