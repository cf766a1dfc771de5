namespace NetGen.Generator;

/// <summary>Names of the incremental pipeline's steps, so tests can assert what was cached.</summary>
internal static class TrackingNames
{
    /// <summary>Every class with attributes, parsed when it is a model or answered from the last compilation.</summary>
    public const string Parse = nameof(Parse);
    public const string ParsedModels = nameof(ParsedModels);
    public const string ReferencedModels = nameof(ReferencedModels);
    public const string Index = nameof(Index);
    public const string AnalysisInputs = nameof(AnalysisInputs);
    public const string GeneratedSources = nameof(GeneratedSources);
}
