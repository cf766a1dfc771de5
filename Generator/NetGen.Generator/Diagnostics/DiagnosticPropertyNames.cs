namespace NetGen.Generator.Diagnostics;

/// <summary>Keys of the diagnostic properties NetGen reports, shared with the code fixes.</summary>
public static class DiagnosticPropertyNames
{
    /// <summary>
    /// On NG0101/NG0102: the value the offending argument should have, as a plain integer. Present only
    /// when the incoming size is known.
    /// </summary>
    public const string Expected = "Expected";

    /// <summary>
    /// On NG0105: the path of the failing add, e.g. <c>add</c> for the model's own residual,
    /// <c>block.add</c> for a <c>[Block]</c> member, <c>stage.0.add</c> for a <c>[Repeat]</c>'s first block.
    /// </summary>
    public const string ResidualPath = "ResidualPath";
}
