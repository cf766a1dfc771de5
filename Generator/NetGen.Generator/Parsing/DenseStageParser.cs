using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads <c>[DenseBlock&lt;T&gt;(count, Each = [...], Index = "i", Prefix = "denselayer", FirstNumber = 1)]</c> and
/// <c>[Stage&lt;T&gt;(count, Each = [...], Index = "i", Prefix = "block1-")]</c>, which differ only in how the blocks are wired.
/// </summary>
internal static class DenseStageParser
{
    /// <summary>The module NetGen builds for a dense stage (NetGen.Runtime).</summary>
    public const string StageType = "global::NetGen.DenseStage";

    /// <summary>The module NetGen builds for a <c>[Stage&lt;T&gt;]</c>: TorchSharp's Sequential, the blocks named 0, 1, … (after the prefix).</summary>
    public const string SequentialType = "global::TorchSharp.Modules.Sequential";

    public static LayerSpec Parse(AttributeData attribute, LocationInfo? location, string blockType, ArgumentInterpreter interpreter, bool concatenates = true)
    {
        var label = concatenates ? "[DenseBlock]" : "[Stage]";
        var raw = AttributeArguments.Read(attribute).ToDictionary(a => a.Name, a => a);
        var count = raw.TryGetValue("Count", out var countArgument) ? interpreter.Interpret(countArgument.Value, countArgument.Location) : ArgValue.Absent;
        if (count.Kind == ArgKind.Int && (count.Int < 0 || count.Int > RepeatLimits.MaxCount) || !count.IsAbsent && !interpreter.IsInteger(count))
        {
            interpreter.Report(DiagnosticDescriptors.InvalidArgument, countArgument.Location, "Count", label,
                $"must be an int between 0 and {RepeatLimits.MaxCount:N0} or an int expression, not {count}");
            count = ArgValue.Absent;
        }

        var index = raw.TryGetValue("Index", out var indexArgument) ? indexArgument.Value.Value as string : null;
        var each = interpreter;
        if (index is not null)
        {
            if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(index) || interpreter.Parameters.Any(p => p.Name == index))
            {
                interpreter.Report(DiagnosticDescriptors.InvalidStageTable, indexArgument.Location, label, interpreter.ModelName,
                    interpreter.Parameters.Any(p => p.Name == index)
                        ? $"Index '{index}' would hide the name '{index}' the arguments can already read; choose another name"
                        : $"Index must be a C# identifier, not \"{index}\"");
                index = null;
            }
            else
            {
                each = interpreter.WithIntNames(new[] { index });
            }
        }

        var arguments = raw.TryGetValue("Each", out var eachArgument) ? each.InterpretEach(eachArgument.Value, eachArgument.Location) : EquatableArray<ArgValue>.Empty;
        var prefix = raw.TryGetValue("Prefix", out var prefixArgument) && prefixArgument.Value.Value is string text ? text : "";
        if (!BlockNamePrefix.IsValid(prefix))
        {
            // A '.' would split each block's key into two levels of the state dict.
            interpreter.Report(DiagnosticDescriptors.InvalidStageTable, prefixArgument.Location, label, interpreter.ModelName,
                $"Prefix may hold only {BlockNamePrefix.Allowed}, so that each block's name is one segment of its keys ('denselayer1.conv1.weight', 'block1-0.f.a.0.weight'), not \"{prefix}\"");
            prefix = "";
        }

        var first = raw.TryGetValue("FirstNumber", out var firstArgument) && firstArgument.Value.Value is int number ? number : 0;
        return new LayerSpec(LayerKind.Block, EquatableArray<LayerArg>.Empty, location, blockType, arguments)
        {
            Dense = new DenseStageSpec(count, index, prefix, first, concatenates),
        };
    }
}
