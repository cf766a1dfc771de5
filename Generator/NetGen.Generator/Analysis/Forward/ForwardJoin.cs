using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// Where two paths meet (the branches of an <c>if</c> whose condition is not known, several <c>return</c>s): what
/// is true on both. Equal sizes stay, differing ones become unknown, a rank that differs becomes unknown.
/// </summary>
internal static class ForwardJoin
{
    public static ForwardValue Values(ForwardValue a, ForwardValue b)
    {
        if (a.Equals(b))
        {
            return a;
        }

        var taint = a.Taint ?? b.Taint;
        return (a, b) switch
        {
            (TensorValue x, TensorValue y) => new TensorValue(Shapes(x.Shape, y.Shape), x.Chain) { Taint = taint },
            (SizeValue x, SizeValue y) => new SizeValue(x.Dim.Match(y.Dim) == DimMatch.Equal ? x.Dim.MoreSpecific(y.Dim) : Dim.Unknown) { Taint = taint },
            (FlagValue x, FlagValue y) => new FlagValue(x.Value == y.Value ? x.Value : null) { Taint = taint },
            (RealValue x, RealValue y) => new RealValue(x.Value == y.Value ? x.Value : null) { Taint = taint },
            (TextValue x, TextValue y) => new TextValue(x.Value == y.Value ? x.Value : null) { Taint = taint },
            (ModuleValue x, ModuleValue y) when x.Member == y.Member && x.Child == y.Child => x with { MaybeNull = x.MaybeNull || y.MaybeNull, Taint = taint },
            (ModuleValue x, NullValue) => x with { MaybeNull = true },
            (NullValue, ModuleValue y) => y with { MaybeNull = true },
            (TupleValue x, TupleValue y) when x.Items.Count == y.Items.Count && x.Open == y.Open
                => new TupleValue(x.Items.Zip(y.Items, Values).ToList(), x.Open) { Taint = taint },
            (ListRef x, ListRef y) when x.List.Id == y.List.Id => x,
            (ListRef x, ListRef y) => new ListRef(Lists(x.List, y.List, null)) { Taint = taint },
            _ => ForwardValue.Unknown(taint),
        };
    }

    public static TensorShape Shapes(TensorShape a, TensorShape b) =>
        !a.IsRankKnown || !b.IsRankKnown || a.Rank != b.Rank
            ? TensorShape.UnknownRank
            : TensorShape.Of(a.Dims.Zip(b.Dims, (x, y) => x.Match(y) == DimMatch.Equal ? x.MoreSpecific(y) : Dim.Unknown));

    /// <summary>One list from its two versions: elementwise when both know the same length, else of unknown length.</summary>
    public static ListValue Lists(ListValue a, ListValue b, int? id)
    {
        if (a.Items is { } x && b.Items is { } y && x.Count == y.Count)
        {
            return new ListValue(x.Zip(y, Values).ToList(), Values(a.Element, b.Element), id) { Taint = a.Taint ?? b.Taint };
        }

        return new ListValue(null, Values(a.Any(), b.Any()), id) { Taint = a.Taint ?? b.Taint };
    }
}

/// <summary>
/// The locals of one path through the forward. Lists are references, as in C#: a copy for a branch copies each
/// list once, keeping aliases aliases; the join of two branches joins each list with its other version.
/// </summary>
internal sealed class ForwardState
{
    public ForwardState(Dictionary<string, ForwardValue> locals) => Locals = locals;

    public Dictionary<string, ForwardValue> Locals { get; }

    public ForwardState Copy()
    {
        var copies = new Dictionary<int, ListValue>();
        return new ForwardState(Locals.ToDictionary(p => p.Key, p => Remap(p.Value, list => list.Copy(copies))));
    }

    /// <summary>The state after either <paramref name="a"/> or <paramref name="b"/>.</summary>
    public static ForwardState Join(ForwardState a, ForwardState b)
    {
        var listsA = new Dictionary<int, ListValue>();
        var listsB = new Dictionary<int, ListValue>();
        foreach (var value in a.Locals.Values)
        {
            Collect(value, listsA);
        }

        foreach (var value in b.Locals.Values)
        {
            Collect(value, listsB);
        }

        var joined = new Dictionary<int, ListValue>();
        foreach (var pair in listsA.Where(p => listsB.ContainsKey(p.Key)))
        {
            joined[pair.Key] = ForwardJoin.Lists(pair.Value, listsB[pair.Key], pair.Key);
        }

        ListValue Pick(ListValue list) => joined.TryGetValue(list.Id, out var j) ? j : list;
        var locals = new Dictionary<string, ForwardValue>();
        foreach (var name in a.Locals.Keys.Intersect(b.Locals.Keys))
        {
            locals[name] = ForwardJoin.Values(Remap(a.Locals[name], Pick), Remap(b.Locals[name], Pick));
        }

        // A local assigned on one path only is unknown after the join (C# would not let it be read, unless assigned before).
        foreach (var name in a.Locals.Keys.Union(b.Locals.Keys).Where(n => !locals.ContainsKey(n)))
        {
            locals[name] = ForwardValue.Unknown();
        }

        return new ForwardState(locals);
    }

    /// <summary>
    /// Takes on <paramref name="after"/>, the state a branch left, in this state's own dictionary and list objects. An
    /// expression being evaluated may hold them: <c>var y = flag ? a : b</c> stores into the dictionary it read before the
    /// branches ran, and <c>list.Add(flag ? a : b)</c> adds to the list it read first.
    /// </summary>
    public void Become(ForwardState after)
    {
        if (ReferenceEquals(after, this))
        {
            return;
        }

        var originals = new Dictionary<int, ListValue>();
        foreach (var value in Locals.Values)
        {
            Collect(value, originals);
        }

        var changed = new Dictionary<int, ListValue>();
        foreach (var value in after.Locals.Values)
        {
            Collect(value, changed);
        }

        ListValue Original(ListValue list) => originals.TryGetValue(list.Id, out var original) ? original : list;
        foreach (var pair in changed.Where(p => originals.ContainsKey(p.Key) && !ReferenceEquals(originals[p.Key], p.Value)))
        {
            var original = originals[pair.Key];
            original.Items = pair.Value.Items?.Select(item => Remap(item, Original)).ToList();
            original.Element = Remap(pair.Value.Element, Original);
            original.Taint = pair.Value.Taint;
        }

        var locals = after.Locals.ToDictionary(p => p.Key, p => Remap(p.Value, Original));
        Locals.Clear();
        foreach (var pair in locals)
        {
            Locals[pair.Key] = pair.Value;
        }
    }

    private static void Collect(ForwardValue value, Dictionary<int, ListValue> lists)
    {
        switch (value)
        {
            case ListRef reference when !lists.ContainsKey(reference.List.Id):
                lists[reference.List.Id] = reference.List;
                foreach (var item in reference.List.Items ?? new List<ForwardValue> { reference.List.Element })
                {
                    Collect(item, lists);
                }

                break;
            case TupleValue tuple:
                foreach (var item in tuple.Items)
                {
                    Collect(item, lists);
                }

                break;
        }
    }

    private static ForwardValue Remap(ForwardValue value, System.Func<ListValue, ListValue> map) => value switch
    {
        ListRef reference => new ListRef(map(reference.List)) { Taint = reference.Taint },
        TupleValue tuple => new TupleValue(tuple.Items.Select(i => Remap(i, map)).ToList(), tuple.Open) { Taint = tuple.Taint },
        _ => value,
    };
}
