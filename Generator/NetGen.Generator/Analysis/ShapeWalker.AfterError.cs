using System.Collections.Generic;

namespace NetGen.Generator.Analysis;

internal sealed partial class ShapeWalker
{
    private readonly List<string> _unknownAfterError = new();

    /// <summary>
    /// The analysed model's members that received an unknown input after the walk had reported an error. Their omitted
    /// sizes are not reported as NG0109: the error is most likely why the input is unknown, and one mistake should read
    /// as one error, not as one error and an NG0109 for every size after it. The model is still not generated.
    /// </summary>
    public IReadOnlyList<string> UnknownAfterError => _unknownAfterError;

    /// <summary>Whether the walk has reported an error so far (a batch-specific failure is only a warning).</summary>
    private bool HasReportedError => _failures.Exists(f => !f.BatchSpecific);

    /// <summary>Remembers that <paramref name="member"/> received an unknown input, if an error was reported before it.</summary>
    private void NoteUnknownInput(string member)
    {
        if (HasReportedError && !_unknownAfterError.Contains(member))
        {
            _unknownAfterError.Add(member);
        }
    }
}
