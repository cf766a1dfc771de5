using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Parses one layer attribute into a <see cref="LayerSpec"/>, checking constant arguments.</summary>
internal static class LayerParser
{
    private static readonly string[] PaddingKeywords = { "same", "valid" };
    private static readonly string[] GeluApproximations = { "none", "tanh" };

    /// <summary>Arguments that are sizes and must be at least 1 when constant.</summary>
    private static readonly HashSet<string> PositiveArguments = new()
    {
        "InChannels", "OutChannels", "KernelSize", "Stride", "Dilation", "Groups", "NumFeatures", "InFeatures",
        "OutFeatures", "NumGroups", "NumChannels", "NumEmbeddings", "EmbeddingDim", "OutputSize", "NormalizedShape",
    };

    /// <summary>Arguments that must be at least 0 when constant.</summary>
    private static readonly HashSet<string> NonNegativeArguments = new() { "Padding", "OutputPadding", "PaddingIdx" };

    /// <summary>Parses a layer attribute that <see cref="AttributeKinds"/> classified as <paramref name="kind"/>.</summary>
    public static LayerSpec Parse(AttributeData attribute, LayerKind kind, ArgumentInterpreter interpreter)
    {
        var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax());
        if (kind == LayerKind.Block)
        {
            var blockType = attribute.AttributeClass!.TypeArguments[0].ToDisplayString(TypeShapes.FullyQualified);
            return new LayerSpec(kind, EquatableArray<LayerArg>.Empty, location, blockType, interpreter.BlockArguments(attribute));
        }

        var args = ImmutableArray.CreateBuilder<LayerArg>();
        foreach (var raw in AttributeArguments.Read(attribute))
        {
            var keywords = KeywordsFor(kind, raw.Name);
            var value = raw.Name == "NormalizedShape" ? InterpretShape(raw, interpreter) : interpreter.Interpret(raw.Value, raw.Location, keywords);
            if (value.IsAbsent)
            {
                continue;
            }

            Validate(kind, raw.Name, value, raw.Location, interpreter);
            args.Add(new LayerArg(raw.Name, value, raw.Location));
        }

        return new LayerSpec(kind, new EquatableArray<LayerArg>(args.ToImmutable()), location);
    }

    /// <summary>LayerNorm's params list: one int per dimension, or a single parameter name.</summary>
    private static ArgValue InterpretShape(RawArgument raw, ArgumentInterpreter interpreter)
    {
        var elements = interpreter.InterpretEach(raw.Value, raw.Location);
        if (elements.Count == 1 && elements[0].Kind == ArgKind.Parameter)
        {
            return elements[0];
        }

        var ints = ImmutableArray.CreateBuilder<long>();
        foreach (var element in elements)
        {
            if (element.Kind != ArgKind.Int)
            {
                interpreter.Report(DiagnosticDescriptors.InvalidArgument, raw.Location, "NormalizedShape", "LayerNorm", "must be int constants or a single parameter name");
                return ArgValue.Absent;
            }

            ints.Add(element.Int);
        }

        return ArgValue.FromInts(new EquatableArray<long>(ints.ToImmutable()));
    }

    private static IReadOnlyCollection<string>? KeywordsFor(LayerKind kind, string argument) => (kind, argument) switch
    {
        (LayerKind.Conv1d or LayerKind.Conv2d, "Padding") => PaddingKeywords,
        (LayerKind.GELU, "Approximate") => GeluApproximations,
        _ => null,
    };

    private static void Validate(LayerKind kind, string name, ArgValue value, LocationInfo? location, ArgumentInterpreter interpreter)
    {
        if (value.Kind == ArgKind.Int)
        {
            if (PositiveArguments.Contains(name) && value.Int < 1)
            {
                interpreter.Report(DiagnosticDescriptors.InvalidArgument, location, name, kind.ToString(), $"must be at least 1, but is {value.Int}");
            }
            else if (NonNegativeArguments.Contains(name) && value.Int < 0)
            {
                interpreter.Report(DiagnosticDescriptors.InvalidArgument, location, name, kind.ToString(), $"must not be negative, but is {value.Int}");
            }
        }
        else if (value.Kind == ArgKind.IntList)
        {
            foreach (var item in value.Ints)
            {
                if ((PositiveArguments.Contains(name) && item < 1) || (NonNegativeArguments.Contains(name) && item < 0))
                {
                    interpreter.Report(DiagnosticDescriptors.InvalidArgument, location, name, kind.ToString(), $"has an out-of-range entry {item}");
                    return;
                }
            }
        }
        else if (value.Kind == ArgKind.Double && name == "P" && !(value.Double >= 0 && value.Double <= 1))
        {
            interpreter.Report(DiagnosticDescriptors.InvalidArgument, location, "P", kind.ToString(), $"must be a probability between 0 and 1, but is {value.Double}");
        }
        else if (value.Kind == ArgKind.Double && (PositiveArguments.Contains(name) || NonNegativeArguments.Contains(name)))
        {
            interpreter.Report(DiagnosticDescriptors.InvalidArgument, location, name, kind.ToString(), $"must be an int or the name of an int parameter, not {value}");
        }
        else if (value.Kind == ArgKind.Parameter && (PositiveArguments.Contains(name) || NonNegativeArguments.Contains(name)) && !interpreter.IsIntegerParameter(value.Text!))
        {
            interpreter.Report(DiagnosticDescriptors.InvalidArgument, location, name, kind.ToString(), $"names '{value.Text}', which is not an int parameter");
        }
        else if (value.Kind == ArgKind.Expression && !ExpressionFits(name, value))
        {
            interpreter.Report(DiagnosticDescriptors.ExpressionTypeMismatch, location, value.Text!, kind.ToString(), $"{name} needs {ExpectedType(name)}, but the expression is {value.ExpressionType.Keyword()}");
        }
        else if (value.Kind == ArgKind.Bool && name is not ("Bias" or "Inplace" or "CeilMode" or "CountIncludePad" or "Affine" or "TrackRunningStats" or "ElementwiseAffine"))
        {
            interpreter.Report(DiagnosticDescriptors.InvalidArgument, location, name, kind.ToString(), "must be a number or a parameter name, not a bool");
        }
    }

    /// <summary>Whether an expression's type suits the argument, so the generated call compiles.</summary>
    private static bool ExpressionFits(string name, ArgValue value) => ExpectedType(name) switch
    {
        "an int" => value.ExpressionType.IsInteger(),
        "a bool" => value.ExpressionType == ExprType.Bool,
        _ => value.ExpressionType.IsNumeric(),
    };

    private static string ExpectedType(string name) =>
        PositiveArguments.Contains(name) || NonNegativeArguments.Contains(name) || name is "Dim" or "StartDim" or "EndDim" or "PaddingIdx" ? "an int"
        : BoolArguments.Contains(name) ? "a bool"
        : "a number";

    private static readonly HashSet<string> BoolArguments = new() { "Bias", "Inplace", "CeilMode", "CountIncludePad", "Affine", "TrackRunningStats", "ElementwiseAffine" };
}
