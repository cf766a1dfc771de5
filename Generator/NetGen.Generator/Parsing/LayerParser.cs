using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Catalogue;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Parses one layer attribute into a <see cref="LayerSpec"/>, checking constant arguments.</summary>
internal static class LayerParser
{
    /// <summary>Parses a layer attribute that <see cref="AttributeKinds"/> classified as <paramref name="kind"/>.</summary>
    public static LayerSpec Parse(AttributeData attribute, LayerKind kind, ArgumentInterpreter interpreter)
    {
        var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax());
        string? when = null;
        string? name = null;
        foreach (var raw in AttributeArguments.Read(attribute).Where(a => a.Name is "When" or "Name" && a.Value.Value is string))
        {
            var text = (string)raw.Value.Value!;
            if (raw.Name == "Name")
            {
                name = ChildName(text, kind, raw.Location, interpreter);
                continue;
            }

            when = ConditionParser.Read(text, interpreter.Parameters, interpreter.ModelName, raw.Location, interpreter.Diagnostics);
        }

        if (kind == LayerKind.Block)
        {
            var blockType = attribute.AttributeClass!.TypeArguments[0].ToDisplayString(TypeShapes.FullyQualified);
            var metadataName = TypeShapes.MetadataName(attribute.AttributeClass!.OriginalDefinition);
            if (metadataName is KnownNames.DenseBlockAttribute or KnownNames.StageAttribute)
            {
                return DenseStageParser.Parse(attribute, location, blockType, interpreter, concatenates: metadataName == KnownNames.DenseBlockAttribute) with { When = when, Name = name };
            }

            return new LayerSpec(kind, EquatableArray<LayerArg>.Empty, location, blockType, interpreter.BlockArguments(attribute)) { When = when, Name = name };
        }

        var entry = kind.Entry();
        var args = ImmutableArray.CreateBuilder<LayerArg>();
        foreach (var raw in AttributeArguments.Read(attribute))
        {
            if (raw.Name is "When" or "Name")
            {
                continue;
            }

            var argument = entry?.Argument(raw.Name);
            var value = argument?.Rule == ArgRule.Shape
                ? InterpretShape(raw, kind, interpreter)
                : interpreter.Interpret(raw.Value, raw.Location, argument?.Keywords);
            if (value.IsAbsent)
            {
                continue;
            }

            if (value.Kind == ArgKind.SizeList && entry?.AcceptsSizeList(raw.Name) != true)
            {
                interpreter.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, raw.Name, kind.ToString(),
                    $"takes no list of parameter names or expressions ({value}); only the per-dimension arguments of 2-d and 3-d convolutions and pools do (KernelSize, Stride, Padding, Dilation): use int constants here");
                continue;
            }

            if (argument is not null)
            {
                Validate(kind, argument, value, raw.Location, interpreter);
            }

            args.Add(new LayerArg(raw.Name, value, raw.Location));
        }

        return new LayerSpec(kind, new EquatableArray<LayerArg>(args.ToImmutable()), location) { When = when, Name = name };
    }

    /// <summary>
    /// A child's name: an identifier, as PyTorch module names are in practice (no '.', which would split its keys), and
    /// not all digits, which would collide with the positions of the children without a name.
    /// </summary>
    private static string? ChildName(string text, LayerKind kind, LocationInfo? location, ArgumentInterpreter interpreter)
    {
        if (Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(text))
        {
            return text;
        }

        interpreter.Report(DiagnosticDescriptors.InvalidStageTable, location, $"[{kind.Name}(Name = \"{text}\")]", interpreter.ModelName,
            "a child's name must be an identifier (letters, digits and '_', not starting with a digit), so that its keys read 'features.conv0.weight'");
        return null;
    }

    /// <summary>A shape argument (LayerNorm's normalized_shape): one int per dimension, or a single parameter name or int expression.</summary>
    private static ArgValue InterpretShape(RawArgument raw, LayerKind kind, ArgumentInterpreter interpreter)
    {
        var elements = interpreter.InterpretEach(raw.Value, raw.Location);
        if (elements.Count == 1 && elements[0].Kind is ArgKind.Parameter or ArgKind.Expression)
        {
            return elements[0];
        }

        var ints = ImmutableArray.CreateBuilder<long>();
        foreach (var element in elements)
        {
            if (element.Kind != ArgKind.Int)
            {
                interpreter.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, raw.Name, kind.ToString(), "must be int constants, or a single parameter name or int expression");
                return ArgValue.Absent;
            }

            ints.Add(element.Int);
        }

        return ArgValue.FromInts(new EquatableArray<long>(ints.ToImmutable()));
    }

    /// <summary>Checks a constant argument against its entry's rule; parameters are checked for their type only.</summary>
    private static void Validate(LayerKind kind, LayerArgument argument, ArgValue value, LocationInfo? location, ArgumentInterpreter interpreter)
    {
        var name = argument.Name;
        var isSize = argument.Rule is ArgRule.Size or ArgRule.Count;
        if (ConstantArguments.Problem(argument, value) is { } problem)
        {
            interpreter.Report(DiagnosticDescriptors.InvalidArgument, location, name, kind.ToString(), problem);
        }
        else if (value.Kind == ArgKind.Parameter && isSize && !interpreter.IsIntegerParameter(value.Text!))
        {
            interpreter.Report(DiagnosticDescriptors.InvalidArgument, location, name, kind.ToString(), $"names '{value.Text}', which is not an int parameter");
        }
        else if (value.Kind == ArgKind.Expression && !ExpressionFits(argument, value))
        {
            interpreter.Report(DiagnosticDescriptors.ExpressionTypeMismatch, location, value.Text!, kind.ToString(), $"{name} needs {ExpectedType(argument)}, but the expression is {value.ExpressionType.Keyword()}");
        }
    }

    /// <summary>Whether an expression's type suits the argument, so the generated call compiles.</summary>
    private static bool ExpressionFits(LayerArgument argument, ArgValue value) => ExpectedType(argument) switch
    {
        "an int" => value.ExpressionType.IsInteger(),
        "a bool" => value.ExpressionType == ExprType.Bool,
        _ => value.ExpressionType.IsNumeric(),
    };

    private static string ExpectedType(LayerArgument argument) => argument.Rule switch
    {
        ArgRule.Size or ArgRule.Count or ArgRule.Index or ArgRule.Shape => "an int",
        ArgRule.Flag => "a bool",
        _ => "a number",
    };
}
