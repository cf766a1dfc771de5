using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Model;

/// <summary>
/// An immutable array compared by its elements, so that models holding it stay equatable and the
/// incremental generator can cache them. <c>default</c> behaves as an empty array.
/// </summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IEnumerable<T>
    where T : IEquatable<T>
{
    public static readonly EquatableArray<T> Empty = new(Array.Empty<T>());

    private readonly T[]? items;

    /// <summary>Copies <paramref name="items"/>, so later writes to the array do not show through.</summary>
    public EquatableArray(T[] items) => this.items = (T[])items.Clone();

    public EquatableArray(IEnumerable<T> items) => this.items = items.ToArray();

    public int Length => items?.Length ?? 0;

    public bool IsEmpty => Length == 0;

    public T this[int index] => (items ?? Array.Empty<T>())[index];

    public T[] ToArray() => items is null ? Array.Empty<T>() : (T[])items.Clone();

    public bool Equals(EquatableArray<T> other)
    {
        T[] mine = items ?? Array.Empty<T>();
        T[] theirs = other.items ?? Array.Empty<T>();
        if (mine.Length != theirs.Length)
        {
            return false;
        }

        for (int i = 0; i < mine.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(mine[i], theirs[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = 17;
            foreach (T item in items ?? Array.Empty<T>())
            {
                hash = (hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item));
            }

            return hash;
        }
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "[" + string.Join(", ", this) + "]";

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public static implicit operator EquatableArray<T>(T[] items) => new(items);
}

/// <summary>Factory methods for <see cref="EquatableArray{T}"/>.</summary>
internal static class EquatableArray
{
    public static EquatableArray<T> Create<T>(params T[] items)
        where T : IEquatable<T> => new(items);

    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T> => new(items);
}
