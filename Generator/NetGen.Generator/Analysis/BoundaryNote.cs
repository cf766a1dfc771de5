using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Analysis;

/// <summary>
/// Where shape checking stopped at NetGen's boundary: the module path it stopped at (empty for the model itself,
/// or for a cause that belongs to a type rather than a use) and why.
/// </summary>
internal sealed record BoundaryNote(string Place, string Cause)
{
    /// <summary>How many places one cause names in NG0110 before it counts the rest.</summary>
    private const int NamedPlaces = 2;

    /// <summary>Orders notes as their text reads, so the build's line is the same whatever order the walk met them in.</summary>
    public static IComparer<BoundaryNote> ByText { get; } = Comparer<BoundaryNote>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));

    /// <summary>"stage.0: Blk has a hand-written forward", as NG0100 lists it.</summary>
    public override string ToString() => Place.Length == 0 ? Cause : Place + ": " + Cause;

    /// <summary>
    /// A model's notes, one per cause: a block used at every stage of a network stops checking in the same way at each
    /// use, and naming the cause once with its places counted keeps the message readable (MaxVit's sixteen notes are two
    /// causes at eight places each). NG0100 lists these; NG0110 joins them (<see cref="Describe"/>).
    /// </summary>
    public static IEnumerable<string> Grouped(IEnumerable<BoundaryNote> notes) => notes
        .GroupBy(n => n.Cause, StringComparer.Ordinal)
        .Select(cause => Described(cause.Key, cause.Select(n => n.Place).Where(p => p.Length > 0).ToList()));

    /// <summary>A model's entry in the build's NG0110 line.</summary>
    public static string Describe(IEnumerable<BoundaryNote> notes) => string.Join("; ", Grouped(notes));

    private static string Described(string cause, IReadOnlyList<string> places)
    {
        if (places.Count == 0)
        {
            return cause;
        }

        var named = string.Join(", ", places.Take(NamedPlaces));
        var more = places.Count > NamedPlaces ? $" and {places.Count - NamedPlaces} more places" : "";
        return $"{named}{more}: {cause}";
    }
}
