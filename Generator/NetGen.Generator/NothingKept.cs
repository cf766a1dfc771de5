using System;
using System.Threading;

namespace NetGen.Generator;

/// <summary>
/// What every kept result is checked against. NetGen keeps analyses and generated files by their inputs
/// (<see cref="RecentResults{TKey, TValue}"/>) and parses from one build to the next (<see cref="Parsing.EarlierBuilds"/>);
/// inside <see cref="Scope"/> it keeps and takes none of them, so a run there computes everything afresh. (The parse
/// kept per syntax node needs no scope: a run on new syntax trees of the same text finds none.)
/// </summary>
internal static class NothingKept
{
    private static readonly AsyncLocal<bool> InScope = new();

    /// <summary>Whether this flow of execution is inside <see cref="Scope"/>.</summary>
    public static bool Here => InScope.Value;

    /// <summary>Keeps nothing until disposed, in this flow only: other tests running at the same time keep theirs.</summary>
    public static IDisposable Scope()
    {
        var was = InScope.Value;
        InScope.Value = true;
        return new Restore(was);
    }

    private sealed class Restore(bool was) : IDisposable
    {
        public void Dispose() => InScope.Value = was;
    }
}
