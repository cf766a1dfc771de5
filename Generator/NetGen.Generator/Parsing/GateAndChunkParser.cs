using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads the model-level <c>[Gate]</c> and <c>[Chunk]</c> wiring and checks that the members can carry it:
/// a gate cannot also be a residual, a chunk needs exactly one <c>[Branch]</c> group with one branch per chunk,
/// and neither means anything to a hand-written forward (NG0019).
/// </summary>
internal static class GateAndChunkParser
{
    public const string GateAttribute = "NetGen.GateAttribute";
    public const string ChunkAttribute = "NetGen.ChunkAttribute";

    public const string SplitAttribute = "NetGen.SplitAttribute";

    public static GateSpec? ReadGate(INamedTypeSymbol type, bool declaresForward, ResidualSpec? residual, List<DiagnosticInfo> diagnostics)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => AttributeKinds.Is(a.AttributeClass, GateAttribute));
        if (attribute is null)
        {
            return null;
        }

        var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax());
        if (declaresForward)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WiringIgnored, location, "[Gate]", type.Name));
            return null;
        }

        if (residual is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingMemberAttributes, location, type.Name,
                "has both [Gate] (input * gate(input)) and [Residual] (main(input) + input); make the gate a block of the residual model"));
            return null;
        }

        return new GateSpec(location);
    }

    /// <summary><c>[Chunk(n)]</c>, or <c>[Split(a, b)]</c> with a size per branch; both on one model is an error.</summary>
    public static ChunkSpec? ReadChunk(INamedTypeSymbol type, bool declaresForward, IReadOnlyList<MemberSpec> members, EquatableArray<ParameterSpec> parameters, ArgumentInterpreter interpreter, List<DiagnosticInfo> diagnostics)
    {
        var chunkAttribute = type.GetAttributes().FirstOrDefault(a => AttributeKinds.Is(a.AttributeClass, ChunkAttribute));
        var splitAttribute = type.GetAttributes().FirstOrDefault(a => AttributeKinds.Is(a.AttributeClass, SplitAttribute));
        var attribute = chunkAttribute ?? splitAttribute;
        if (attribute is null)
        {
            return null;
        }

        var name = attribute == chunkAttribute ? "[Chunk]" : "[Split]";
        var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax());
        if (chunkAttribute is not null && splitAttribute is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingMemberAttributes, LocationInfo.From(splitAttribute.ApplicationSyntaxReference?.GetSyntax()), type.Name,
                "has both [Chunk] and [Split]; the branches take the pieces of one of them"));
            return null;
        }

        if (declaresForward)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WiringIgnored, location, name, type.Name));
            return null;
        }

        int chunks = 0, dim = 1;
        string? when = null;
        var sizes = EquatableArray<ArgValue>.Empty;
        LocationInfo? chunksLocation = location;
        var valid = true;
        foreach (var raw in AttributeArguments.Read(attribute))
        {
            switch (raw.Name)
            {
                case "Chunks" when raw.Value.Value is int count:
                    chunks = count;
                    chunksLocation = raw.Location;
                    break;
                case "Sizes":
                    var elements = AttributeArguments.Elements(raw.Value).ToList();
                    var written = SizeLocations(attribute, elements.Count) ?? Enumerable.Repeat(raw.Location, elements.Count).ToList();
                    sizes = elements.Select((element, k) => interpreter.Interpret(element, written[k])).ToEquatableArray();
                    chunks = sizes.Count;
                    chunksLocation = written.Count == 0 ? raw.Location : Spanning(written[0], written[written.Count - 1]) ?? raw.Location;
                    valid &= SizesAreInts(sizes, written, interpreter, diagnostics);
                    break;
                case "Dim" when raw.Value.Value is int d:
                    dim = d;
                    break;
                case "When" when raw.Value.Value is string condition:
                    when = ConditionParser.Read(condition, parameters, type.Name, raw.Location, diagnostics);
                    valid &= when is not null;
                    break;
            }
        }

        var what = name == "[Chunk]" ? "Chunks" : "Sizes";
        var branches = members.Where(m => m.BranchDim is not null).ToList();
        var first = members.ToList().FindIndex(m => m.BranchDim is not null);
        var consecutive = first >= 0 && members.Skip(first).Take(branches.Count).All(m => m.BranchDim == branches[0].BranchDim);
        string? problem = chunks < 1 ? (name == "[Chunk]" ? $"is {chunks}; x.chunk needs at least 1 chunk" : "is empty; x.split needs a size for each branch")
            : branches.Count == 0 ? $"has no [Branch] members to take the pieces; mark the members that each take one piece with [Branch]"
            : !consecutive ? "needs its [Branch] members to be one group: consecutive, with the same Dim"
            : branches.Count != chunks ? $"{(name == "[Chunk]" ? "is " + chunks : "gives " + chunks + " size" + (chunks == 1 ? "" : "s"))}, but the model has {branches.Count} [Branch] member{(branches.Count == 1 ? "" : "s")} ({string.Join(", ", branches.Select(b => b.Name))}); each branch takes one piece"
            : null;
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidArgument, chunksLocation, what, name, problem));
            return null;
        }

        return valid ? new ChunkSpec(chunks, dim, when, location) { Sizes = sizes } : null;
    }

    /// <summary>Each size must be an int of at least 0 or an int expression; a negative constant is refused by x.split too.</summary>
    private static bool SizesAreInts(EquatableArray<ArgValue> sizes, IReadOnlyList<LocationInfo?> locations, ArgumentInterpreter interpreter, List<DiagnosticInfo> diagnostics)
    {
        var valid = true;
        for (var k = 0; k < sizes.Count; k++)
        {
            var size = sizes[k];
            if (size.IsAbsent)
            {
                valid = false;
            }
            else if (!interpreter.IsInteger(size) || size.Kind == ArgKind.Int && size.Int < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidArgument, locations[k], "Sizes", "[Split]",
                    $"has {(size.Kind == ArgKind.Int ? size.ToString() : "\"" + size + "\"")} as size {k}, but each size must be an int of at least 0 or an int expression of the hyperparameters"));
                valid = false;
            }
        }

        return valid;
    }

    /// <summary>Where each size is written, when they are written one by one as <c>[Split(a, b)]</c>; null for an array.</summary>
    private static List<LocationInfo?>? SizeLocations(AttributeData attribute, int count)
    {
        var written = (attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments
            .Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        return written is not null && written.Count == count && !(count == 1 && written[0].Expression is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax)
            ? written.Select(a => LocationInfo.From(a)).ToList()
            : null;
    }

    /// <summary>From the start of one argument to the end of another, in one file.</summary>
    private static LocationInfo? Spanning(LocationInfo? first, LocationInfo? last) =>
        first is null || last is null || first.FilePath != last.FilePath ? null
        : first with { Span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(first.Span.Start, last.Span.End), LineSpan = new Microsoft.CodeAnalysis.Text.LinePositionSpan(first.LineSpan.Start, last.LineSpan.End) };
}
