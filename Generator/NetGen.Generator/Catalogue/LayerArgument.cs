using System.Collections.Generic;

namespace NetGen.Generator.Catalogue;

/// <summary>What values an attribute argument accepts when it is a constant; the parser checks it.</summary>
internal enum ArgRule
{
    /// <summary>A size: an int (or int parameter) of at least 1, or a list of them.</summary>
    Size,

    /// <summary>A count that may be zero, such as padding: an int (or int parameter) of at least 0.</summary>
    Count,

    /// <summary>A probability between 0 and 1.</summary>
    Probability,

    /// <summary>A bool (or bool parameter).</summary>
    Flag,

    /// <summary>A dimension index: an int (or int parameter) that may be negative, counting from the end.</summary>
    Index,

    /// <summary>Any number, text or parameter, but not a bool.</summary>
    Value,

    /// <summary>LayerNorm's <c>normalized_shape</c>: int constants, or a single parameter name.</summary>
    Shape,
}

/// <summary>
/// One argument of a layer attribute: its C# name, PyTorch's name, what it accepts, and how the
/// TorchSharp factory takes it (positionally, or by <see cref="TorchSharp"/>'s parameter name).
/// </summary>
internal sealed class LayerArgument
{
    public LayerArgument(string name, string pyTorch, ArgRule rule, bool positional = false, string? torchSharp = null, IReadOnlyCollection<string>? keywords = null)
    {
        Name = name;
        PyTorch = pyTorch;
        Rule = rule;
        Positional = positional;
        TorchSharp = torchSharp ?? pyTorch;
        Keywords = keywords;
    }

    /// <summary>The attribute's property name, e.g. <c>InChannels</c>.</summary>
    public string Name { get; }

    /// <summary>PyTorch's name, e.g. <c>in_channels</c>: used in messages and to read fixture rows.</summary>
    public string PyTorch { get; }

    public ArgRule Rule { get; }

    /// <summary>Passed positionally to the TorchSharp factory (a required argument), in declaration order.</summary>
    public bool Positional { get; }

    /// <summary>
    /// The TorchSharp factory's parameter name: how an optional argument is passed, and how a required one is recognised
    /// in a call of the factory (<c>inputSize</c> is <c>Linear</c>'s <c>in_features</c>).
    /// </summary>
    public string TorchSharp { get; }

    /// <summary>Strings that are values of this argument rather than parameter names, e.g. <c>"same"</c>.</summary>
    public IReadOnlyCollection<string>? Keywords { get; }

    public static LayerArgument Required(string name, string pyTorch, ArgRule rule = ArgRule.Size, string? torchSharp = null) =>
        new(name, pyTorch, rule, positional: true, torchSharp: torchSharp);

    public static LayerArgument Named(string name, string pyTorch, ArgRule rule, string? torchSharp = null, IReadOnlyCollection<string>? keywords = null) =>
        new(name, pyTorch, rule, torchSharp: torchSharp, keywords: keywords);

    public static LayerArgument Inplace { get; } = Named("Inplace", "inplace", ArgRule.Flag);
}
