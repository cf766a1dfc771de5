using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Catalogue;

/// <summary>Pieces of TorchSharp factory calls that entries share: argument texts, tuples and arrays.</summary>
internal static class FactoryCall
{
    public const string Nn = "global::TorchSharp.torch.nn.";

    public const string Functional = "global::TorchSharp.torch.nn.functional.";

    public static string Call(string factory, IEnumerable<string> args) => Nn + factory + "(" + string.Join(", ", args) + ")";

    /// <summary>A required argument as C#; <c>0L</c> when it is missing (an inferred size not known yet).</summary>
    public static string Required(LayerSpec layer, string name)
    {
        var value = layer.Get(name);
        return value.IsAbsent ? "0L" : value.ToCSharp();
    }

    /// <summary>Adds <c>parameter: value</c> when the argument was given; otherwise TorchSharp's default applies.</summary>
    public static void Optional(List<string> args, LayerSpec layer, string name, string parameter, bool asPair = false)
    {
        var value = layer.Get(name);
        if (!value.IsAbsent)
        {
            args.Add(parameter + ": " + (asPair ? Pair(value) : value.ToCSharp()));
        }
    }

    /// <summary>The argument as C#, or <paramref name="fallback"/> when it was not given.</summary>
    public static string ValueOr(LayerSpec layer, string name, string fallback) =>
        layer.Get(name) is { IsAbsent: false } value ? value.ToCSharp() : fallback;

    /// <summary>Whether a bool argument was set to true.</summary>
    public static bool IsOn(LayerSpec layer, string name) => layer.Get(name) is { Kind: ArgKind.Bool, AsBool: true };

    /// <summary><c>inplace: true</c> only when the layer asks for it and the input may be overwritten.</summary>
    public static string Inplace(LayerSpec layer, bool mayWorkInPlace) => mayWorkInPlace && IsOn(layer, "Inplace") ? "true" : "false";

    /// <summary>A <c>(long, long)</c> tuple: a scalar is used for both spatial dimensions, as in PyTorch.</summary>
    public static string Pair(ArgValue value) => value.Kind == ArgKind.IntList && value.Ints.Count == 2
        ? $"({value.Ints[0]}L, {value.Ints[1]}L)"
        : value.Kind == ArgKind.SizeList && value.ListItems() is { Count: 2 } items
        ? $"({items[0].ToCSharpLong()}, {items[1].ToCSharpLong()})"
        : $"((long){value.ToCSharp()}, (long){value.ToCSharp()})";

    /// <summary>A <c>(long, long, long)</c> tuple: a scalar is used for all three dimensions.</summary>
    public static string Triple(ArgValue value) => value.Kind == ArgKind.IntList && value.Ints.Count == 3
        ? $"({value.Ints[0]}L, {value.Ints[1]}L, {value.Ints[2]}L)"
        : value.Kind == ArgKind.SizeList && value.ListItems() is { Count: 3 } items
        ? $"({items[0].ToCSharpLong()}, {items[1].ToCSharpLong()}, {items[2].ToCSharpLong()})"
        : $"((long){value.ToCSharp()}, (long){value.ToCSharp()}, (long){value.ToCSharp()})";

    /// <summary>A <c>long[]</c> of <paramref name="rank"/> values: a scalar is used for every spatial dimension.</summary>
    public static string LongArray(ArgValue value, int rank = 2)
    {
        if (value.IsList)
        {
            return value.ToCSharp();
        }

        var one = value.ToCSharp();
        var items = new string[rank];
        for (var i = 0; i < rank; i++)
        {
            items[i] = one;
        }

        return "new long[] { " + string.Join(", ", items) + " }";
    }
}
