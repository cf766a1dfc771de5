using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Generator.Shapes;

/// <summary>
/// <c>torch.einsum("bhid,bhjd->bhij", q, k)</c>: each letter names one size, the same in every operand it labels (or 1,
/// which broadcasts), and the output has the sizes of its letters. An equation with an ellipsis is not followed
/// (<see cref="Follows"/>).
/// </summary>
internal static class EinsumShapes
{
    /// <summary>Whether <see cref="Einsum"/> follows the equation: subscripts that are letters, and an implicit output of one case.</summary>
    public static bool Follows(string equation)
    {
        var (inputs, output) = Parts(equation);
        return inputs.Concat(output is null ? Enumerable.Empty<string>() : new[] { output }).All(t => t.All(IsLetter))
            && (output is not null || Implicit(inputs) is not null);
    }

    public static ShapeResult Einsum(string name, string equation, IReadOnlyList<TensorShape> operands)
    {
        var check = new LayerCheck(name);
        if (!Follows(equation))
        {
            return check.FinishUnknownRank("an ellipsis, a subscript other than a letter or an implicit output of mixed case is not followed");
        }

        var (inputs, output) = Parts(equation);

        if (inputs.Length != operands.Count)
        {
            check.Fail(ShapeFailureKind.InvalidArgument,
                $"{name}: the equation \"{equation}\" has {inputs.Length} operand{(inputs.Length == 1 ? "" : "s")} but {operands.Count} tensor{(operands.Count == 1 ? " was" : "s were")} given",
                inputs.Length.ToString(CultureInfo.InvariantCulture), operands.Count.ToString(CultureInfo.InvariantCulture));
            return check.Finish(TensorShape.UnknownRank);
        }

        var sizes = new Dictionary<char, Dim>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var operand = operands[i];
            if (!operand.IsRankKnown)
            {
                foreach (var letter in inputs[i])
                {
                    BroadcastShapes.TryPair(sizes.TryGetValue(letter, out var seen) ? seen : Dim.Unknown, Dim.Unknown, out var size);
                    sizes[letter] = size;
                }

                continue;
            }

            if (inputs[i].Length != operand.Rank)
            {
                check.Fail(ShapeFailureKind.RankMismatch,
                    $"{name}: the number of subscripts in the equation ({inputs[i].Length}) does not match the number of dimensions ({operand.Rank}) for operand {i} ({TensorDims.Text(operand)}) and no ellipsis was given",
                    $"{inputs[i].Length}-d", $"{operand.Rank}-d");
                return check.Finish(TensorShape.UnknownRank);
            }

            for (var d = 0; d < operand.Rank; d++)
            {
                var letter = inputs[i][d];
                if (!sizes.TryGetValue(letter, out var seen))
                {
                    sizes[letter] = operand[d];
                    continue;
                }

                if (!BroadcastShapes.TryPair(seen, operand[d], out var size))
                {
                    check.Fail(ShapeFailureKind.BroadcastMismatch,
                        $"{name}: subscript {letter} has size {operand[d]} for operand {i} ({TensorDims.Text(operand)}) which does not broadcast with previously seen size {seen}",
                        seen.ToString(), operand[d].ToString());
                    return check.Finish(TensorShape.UnknownRank);
                }

                sizes[letter] = size;
            }
        }

        var letters = output ?? Implicit(inputs)!;
        foreach (var letter in letters)
        {
            if (!sizes.ContainsKey(letter) || letters.Count(l => l == letter) > 1)
            {
                check.Fail(ShapeFailureKind.InvalidArgument,
                    sizes.ContainsKey(letter) ? $"{name}: output subscript {letter} appears more than once in the output" : $"{name}: output subscript {letter} does not appear in the equation for any input operand",
                    "each output subscript once, from an input", letter.ToString());
                return check.Finish(TensorShape.UnknownRank);
            }
        }

        return check.Finish(TensorShape.Of(letters.Select(l => sizes[l])));
    }

    /// <summary>The operands' subscripts and the output's (null without "->"), spaces removed.</summary>
    private static (string[] Inputs, string? Output) Parts(string equation)
    {
        var text = equation.Replace(" ", "");
        var arrow = text.IndexOf("->", System.StringComparison.Ordinal);
        return ((arrow < 0 ? text : text.Substring(0, arrow)).Split(','), arrow < 0 ? null : text.Substring(arrow + 2));
    }

    private static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>Without "->", the letters seen once, in alphabetical order; null where cases mix, whose order is not modelled.</summary>
    private static string? Implicit(IEnumerable<string> inputs)
    {
        var all = string.Concat(inputs);
        if (all.Any(char.IsUpper) && all.Any(char.IsLower))
        {
            return null;
        }

        return new string(all.Where(l => all.Count(o => o == l) == 1).OrderBy(l => l).ToArray());
    }
}
