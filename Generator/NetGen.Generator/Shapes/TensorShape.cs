using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Shapes;

/// <summary>
/// The shape of ONE sample, without the batch dimension: <c>[3, 224, 224]</c> for an image batch
/// <c>[N, 3, 224, 224]</c>. Each dimension may be known, symbolic or unknown, and the rank itself may
/// be unknown (after a hand-written forward, for instance).
/// </summary>
internal sealed record TensorShape
{
    private TensorShape(EquatableArray<Dim> dims, bool isRankKnown)
    {
        Dims = dims;
        IsRankKnown = isRankKnown;
    }

    /// <summary>A shape of which not even the rank is known.</summary>
    public static TensorShape UnknownRank { get; } = new(EquatableArray<Dim>.Empty, false);

    /// <summary>The dimensions; empty when the rank is unknown.</summary>
    public EquatableArray<Dim> Dims { get; }

    public bool IsRankKnown { get; }

    /// <summary>The number of dimensions of one sample; only meaningful when <see cref="IsRankKnown"/>.</summary>
    public int Rank => Dims.Length;

    public Dim this[int index] => Dims[index];

    /// <summary>True when the rank and every dimension are concrete.</summary>
    public bool IsFullyKnown => IsRankKnown && Dims.All(d => d.IsKnown);

    public static TensorShape Of(params Dim[] dims) => new(new EquatableArray<Dim>(dims), true);

    public static TensorShape Of(params long[] dims) => new(dims.Select(Dim.Of).ToEquatableArray(), true);

    public static TensorShape Of(IEnumerable<Dim> dims) => new(dims.ToEquatableArray(), true);

    /// <summary>The number of elements of one sample (what Flatten(1) produces), or unknown.</summary>
    public Dim ElementCount => IsRankKnown ? Dims.Aggregate(Dim.Of(1), (product, d) => product * d) : Dim.Unknown;

    /// <summary>A copy with dimension <paramref name="index"/> replaced.</summary>
    public TensorShape With(int index, Dim dim)
    {
        if (!IsRankKnown)
        {
            throw new InvalidOperationException("The rank is unknown.");
        }

        Dim[] dims = Dims.ToArray();
        dims[index] = dim;
        return Of(dims);
    }

    /// <summary>Replaces every bound symbol by its value.</summary>
    public TensorShape Bind(ShapeBindings bindings) =>
        IsRankKnown ? Of(Dims.Select(d => d.Bind(bindings))) : this;

    /// <summary><c>3×224×224</c>; <c>?×…</c> when the rank is unknown and <c>()</c> for a scalar sample.</summary>
    public override string ToString() =>
        !IsRankKnown ? "?×…" : Rank == 0 ? "()" : string.Join("×", Dims.Select(d => d.ToString()));
}
