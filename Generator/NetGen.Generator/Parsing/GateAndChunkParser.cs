using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
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

    public static ChunkSpec? ReadChunk(INamedTypeSymbol type, bool declaresForward, IReadOnlyList<MemberSpec> members, EquatableArray<ParameterSpec> parameters, List<DiagnosticInfo> diagnostics)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => AttributeKinds.Is(a.AttributeClass, ChunkAttribute));
        if (attribute is null)
        {
            return null;
        }

        var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax());
        if (declaresForward)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WiringIgnored, location, "[Chunk]", type.Name));
            return null;
        }

        int chunks = 0, dim = 1;
        string? when = null;
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
                case "Dim" when raw.Value.Value is int d:
                    dim = d;
                    break;
                case "When" when raw.Value.Value is string condition:
                    when = ConditionParser.Read(condition, parameters, type.Name, raw.Location, diagnostics);
                    valid &= when is not null;
                    break;
            }
        }

        var branches = members.Where(m => m.BranchDim is not null).ToList();
        var first = members.ToList().FindIndex(m => m.BranchDim is not null);
        var consecutive = first >= 0 && members.Skip(first).Take(branches.Count).All(m => m.BranchDim == branches[0].BranchDim);
        string? problem = chunks < 1 ? $"is {chunks}; x.chunk needs at least 1 chunk"
            : branches.Count == 0 ? "has no [Branch] members to take the chunks; mark the members that each take one chunk with [Branch]"
            : !consecutive ? "needs its [Branch] members to be one group: consecutive, with the same Dim"
            : branches.Count != chunks ? $"is {chunks}, but the model has {branches.Count} [Branch] member{(branches.Count == 1 ? "" : "s")} ({string.Join(", ", branches.Select(b => b.Name))}); each branch takes one chunk"
            : null;
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidArgument, chunksLocation, "Chunks", "[Chunk]", problem));
            return null;
        }

        return valid ? new ChunkSpec(chunks, dim, when, location) : null;
    }
}
