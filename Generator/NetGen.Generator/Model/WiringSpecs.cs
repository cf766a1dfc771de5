namespace NetGen.Generator.Model;

/// <summary><c>[Gate]</c>: the generated forward returns <c>input * path(input)</c>, the members computing the gate.</summary>
internal sealed record GateSpec(LocationInfo? Location);

/// <summary>
/// <c>[Chunk]</c> or <c>[Split]</c>: the <c>[Branch]</c> members take one piece each of <c>input.chunk(<see cref="Chunks"/>, <see cref="Dim"/>)</c>
/// or of <c>input.split(<see cref="Sizes"/>, <see cref="Dim"/>)</c>,
/// when <see cref="When"/> (a condition over the hyperparameters, as C#-ready expression text) holds or is absent.
/// </summary>
internal sealed record ChunkSpec(int Chunks, int Dim, string? When, LocationInfo? Location)
{
    /// <summary><c>[Split]</c>'s sizes, one per branch (ints or int expressions); empty for <c>[Chunk]</c>'s equal pieces.</summary>
    public EquatableArray<ArgValue> Sizes { get; init; } = EquatableArray<ArgValue>.Empty;

    /// <summary>The attribute as the user wrote it, for messages.</summary>
    public string AttributeName => Sizes.IsEmpty ? "[Chunk]" : "[Split]";
}
