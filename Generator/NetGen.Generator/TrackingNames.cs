namespace NetGen.Generator;

/// <summary>Names of the incremental pipeline's steps, so tests can assert what was cached.</summary>
internal static class TrackingNames
{
    public const string ParsedModels = nameof(ParsedModels);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Catalog = nameof(Catalog);
    public const string AnalyzedModels = nameof(AnalyzedModels);
}
