using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// Where a value became unknown because of something NetGen does not model (an unmodelled call, a loop it cannot
/// count, a module it cannot see into): the note says where and why. A check that meets such a value is skipped,
/// and the note becomes the model's boundary note (NG0110) when <see cref="Boundary"/>, else an NG0100 note.
/// A <see cref="Standalone"/> note is said as it is (<c>rnn: LSTM without [Contract]</c>), not as a place in the forward.
/// </summary>
internal sealed record ForwardTaint(string Note, bool Boundary, bool Standalone = false);

/// <summary>What the forward analysis knows of one C# value. Every kind may be unknown; unknown is never an error.</summary>
internal abstract record ForwardValue
{
    /// <summary>Set when the value is unknown (or partly) because of something NetGen does not model.</summary>
    public ForwardTaint? Taint { get; init; }

    public static ForwardValue Unknown(ForwardTaint? taint = null) => new UnknownValue { Taint = taint };
}

/// <summary>A tensor: its whole shape (batch included) and the arithmetic that led to it.</summary>
internal sealed record TensorValue(TensorShape Shape, ShapeChain Chain) : ForwardValue
{
    /// <summary>The next step of the chain: this tensor's history, then <paramref name="label"/> and the new shape.</summary>
    public TensorValue Then(string label, TensorShape shape) => new(shape, Chain.Then(label, shape)) { Taint = Taint };
}

/// <summary>An integer: a size, a dim, a count (<c>x.shape[0]</c>, <c>c / 2</c>, a hyperparameter).</summary>
internal sealed record SizeValue(Dim Dim) : ForwardValue;

/// <summary>A bool; null when not known.</summary>
internal sealed record FlagValue(bool? Value) : ForwardValue;

/// <summary>A floating-point number (a scale factor, a dropout rate); null when not known.</summary>
internal sealed record RealValue(double? Value) : ForwardValue;

/// <summary>A string or an enum member (an interpolation mode); null when not known.</summary>
internal sealed record TextValue(string? Value) : ForwardValue;

/// <summary><c>null</c>: an optional member that does not exist, an argument left out.</summary>
internal sealed record NullValue : ForwardValue;

/// <summary>Nothing is known: not even what kind of value it is.</summary>
internal sealed record UnknownValue : ForwardValue;

/// <summary>
/// A module of the model: a member, or child <see cref="Child"/> of a Sequential or repeated stage (-1: some
/// child, which one is not known). <see cref="MaybeNull"/> for a <c>[When]</c> member whose flag is not known.
/// </summary>
internal sealed record ModuleValue(string Member, int? Child, bool MaybeNull) : ForwardValue;

/// <summary>A tuple (an LSTM's output, <c>(a, b)</c>); when <see cref="Open"/>, items past those listed are unknown.</summary>
internal sealed record TupleValue(IReadOnlyList<ForwardValue> Items, bool Open) : ForwardValue
{
    public ForwardValue Item(int index) => index < Items.Count ? Items[index] : Unknown(Taint);

    public bool Equals(TupleValue? other) => other is not null && Open == other.Open && Items.SequenceEqual(other.Items) && Taint == other.Taint;

    public override int GetHashCode() => Items.Count;
}

/// <summary>
/// An array or list, which a forward may change (<c>features.Add(t)</c>), so it is a reference like the C# one.
/// <see cref="Items"/> is null when the length is not known; then every element is like <see cref="Element"/>.
/// <see cref="Id"/> survives copying, so the two branches of an <c>if</c> can be joined list by list.
/// </summary>
internal sealed class ListValue
{
    private static int _next;

    public ListValue(List<ForwardValue>? items, ForwardValue? element = null, int? id = null)
    {
        Items = items;
        Element = element ?? ForwardValue.Unknown();
        Id = id ?? System.Threading.Interlocked.Increment(ref _next);
    }

    public int Id { get; }

    public List<ForwardValue>? Items { get; set; }

    public ForwardValue Element { get; set; }

    public ForwardTaint? Taint { get; set; }

    /// <summary>What any element is: a known element, or the template of an unknown-length list.</summary>
    public ForwardValue Any() => Items is { Count: > 0 } items ? items.Aggregate(ForwardJoin.Values) : Element;

    /// <summary>The list forgets its length: every element becomes what any of them is.</summary>
    public void Forget(ForwardTaint? taint)
    {
        Element = Items is null ? ForwardJoin.Values(Element, ForwardValue.Unknown(taint)) : ForwardValue.Unknown(taint);
        Items = null;
        Taint ??= taint;
    }

    public ListValue Copy(Dictionary<int, ListValue> copies)
    {
        if (!copies.TryGetValue(Id, out var copy))
        {
            copy = new ListValue(Items?.ToList(), Element, Id) { Taint = Taint };
            copies[Id] = copy;
        }

        return copy;
    }
}

/// <summary>A list as a value: a reference to the mutable <see cref="ListValue"/>.</summary>
internal sealed record ListRef(ListValue List) : ForwardValue
{
    public bool Equals(ListRef? other) => other is not null && ReferenceEquals(List, other.List);

    public override int GetHashCode() => List.Id;
}
