using System;
using System.Collections.Generic;

namespace NetGen.Generator;

/// <summary>
/// The results of a pure function of equatable values, kept by their inputs for whoever asks next: the analyzer after
/// the generator in one build, and the next build's new generator driver after this one's. Roslyn's own caching lives
/// in one driver, and a command-line build (the compiler server included) makes a new driver every time.
///
/// Two generations bound it. New results go into the current one; when that holds its capacity of results it
/// becomes the previous one and the one before is dropped, so at most twice that many are held, and a result used
/// in the last generation survives the next. Only a function whose result depends on nothing but its input may be
/// kept here: a hit returns what a fresh call would compute, which tests check against runs in <see cref="NothingKept.Scope"/>.
/// </summary>
internal sealed class RecentResults<TKey, TValue>
    where TKey : notnull
{
    private readonly int _capacity;
    private readonly object _gate = new();
    private Dictionary<TKey, TValue> _current = new();
    private Dictionary<TKey, TValue> _previous = new();

    public RecentResults(int capacity)
    {
        _capacity = capacity;
    }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        if (NothingKept.Here)
        {
            return compute(key);
        }

        lock (_gate)
        {
            if (_current.TryGetValue(key, out var kept))
            {
                return kept;
            }

            if (_previous.TryGetValue(key, out kept))
            {
                Keep(key, kept);
                return kept;
            }
        }

        // Computed outside the lock: analyses run concurrently in the analyzer. Two callers may compute the same
        // result; both are equal, and the first kept is the one returned from then on.
        var value = compute(key);
        lock (_gate)
        {
            if (_current.TryGetValue(key, out var first))
            {
                return first;
            }

            Keep(key, value);
        }

        return value;
    }

    private void Keep(TKey key, TValue value)
    {
        if (_current.Count >= _capacity)
        {
            _previous = _current;
            _current = new Dictionary<TKey, TValue>();
        }

        _current[key] = value;
    }
}
