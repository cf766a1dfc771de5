using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Catalogue;

/// <summary>
/// Whether a constant suits a layer argument's <see cref="ArgRule"/>: one rule for a constant in an attribute (which
/// the parser reports) and one in a field's initializer (which NetGen then does not read).
/// </summary>
internal static class ConstantArguments
{
    /// <summary>Why <paramref name="value"/> does not suit <paramref name="argument"/>; null when it does or is not a constant.</summary>
    public static string? Problem(LayerArgument argument, ArgValue value)
    {
        var isSize = argument.Rule is ArgRule.Size or ArgRule.Count;
        var minimum = argument.Rule == ArgRule.Size ? 1 : 0;
        switch (value.Kind)
        {
            case ArgKind.Int when isSize && value.Int < minimum:
                return minimum == 1 ? $"must be at least 1, but is {value.Int}" : $"must not be negative, but is {value.Int}";
            case ArgKind.IntList or ArgKind.SizeList when isSize:
                var constants = value.ListItems().Where(item => item.Kind == ArgKind.Int).Select(item => item.Int).ToList();
                return constants.Any(item => item < minimum) ? $"has an out-of-range entry {constants.First(item => item < minimum)}" : null;
            case ArgKind.IntList when argument.Rule == ArgRule.Shape && value.Ints.Count == 0:
                // PyTorch accepts an empty normalized_shape at construction and fails on the first forward.
                return "is empty: give the size of each trailing dimension it normalises, at least one (the last dimension's, for a transformer's LayerNorm)";
            case ArgKind.IntList when argument.Rule == ArgRule.Shape && value.Ints.Any(size => size < 1):
                return $"has an out-of-range entry {value.Ints.First(size => size < 1)}: each size must be at least 1";
            case ArgKind.Double when argument.Rule == ArgRule.Probability && !(value.Double >= 0 && value.Double <= 1):
                return $"must be a probability between 0 and 1, but is {value.Double}";
            case ArgKind.Double when isSize:
                return $"must be an int or the name of an int parameter, not {value}";
            case ArgKind.Bool when argument.Rule != ArgRule.Flag:
                return "must be a number or a parameter name, not a bool";
            default:
                return null;
        }
    }
}
