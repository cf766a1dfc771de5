namespace NetGen.Generator.Model;

/// <summary><c>[Gate]</c>: the generated forward returns <c>input * path(input)</c>, the members computing the gate.</summary>
internal sealed record GateSpec(LocationInfo? Location);

/// <summary>
/// <c>[Chunk]</c>: the <c>[Branch]</c> members take one piece each of <c>input.chunk(<see cref="Chunks"/>, <see cref="Dim"/>)</c>,
/// when <see cref="When"/> (a condition over the hyperparameters, as C#-ready expression text) holds or is absent.
/// </summary>
internal sealed record ChunkSpec(int Chunks, int Dim, string? When, LocationInfo? Location);
