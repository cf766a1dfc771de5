namespace NetGen.Generator.Parsing;

/// <summary>Bounds on repeated stages, so that NetGen's own work stays bounded whatever a declaration says.</summary>
internal static class RepeatLimits
{
    /// <summary>The most blocks one <c>[Repeat]</c> may build: far beyond any real network (ResNet-1001 has 111 blocks a stage).</summary>
    public const long MaxCount = 10_000;

    /// <summary>Beyond this many blocks, identical later blocks are checked once and summarised in one row.</summary>
    public const long UnrolledBlocks = 64;
}
