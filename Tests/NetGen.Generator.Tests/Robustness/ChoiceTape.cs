using System.Collections.Generic;

namespace NetGen.Generator.Tests.Robustness;

/// <summary>
/// The random choices behind one declaration, read in order. Choice 0 is always the simplest option
/// (and never a flaw), so when CsCheck shrinks the tape towards zeros and shorter arrays, the
/// declaration shrinks towards the smallest valid model; past the end of the tape every choice is 0.
/// </summary>
internal sealed class ChoiceTape
{
    private readonly IReadOnlyList<int> _choices;
    private int _next;

    public ChoiceTape(IReadOnlyList<int> choices) => _choices = choices;

    /// <summary>A number in [0, <paramref name="count"/>).</summary>
    public int Pick(int count) => count <= 1 ? 0 : Raw() % count;

    /// <summary>One of <paramref name="options"/>; the first is the simplest.</summary>
    public T OneOf<T>(params T[] options) => options[Pick(options.Length)];

    /// <summary>True about <paramref name="percent"/>% of the time; false for a zero choice.</summary>
    public bool Chance(int percent) => Raw() % 100 >= 100 - percent;

    private int Raw() => _next < _choices.Count ? _choices[_next++] : 0;
}
