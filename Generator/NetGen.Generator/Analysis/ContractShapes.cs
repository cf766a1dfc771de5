using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// A declared shape contract applied to what arrives: ints and hyperparameters are checked, free names bind
/// to the sizes that arrive, and the output is built from the same three kinds of entry. An unknown input
/// checks nothing and leaves the free names unknown; that is never an error.
/// </summary>
internal static class ContractShapes
{
    /// <summary>The input the contract declares, for a member checked on its own: free names unknown.</summary>
    public static TensorShape Input(ContractSpec contract, ShapeEnvironment env) =>
        contract.Input.IsEmpty ? TensorShape.UnknownRank : TensorShape.Of(contract.Input.Select(d => Resolve(d, env, new Dictionary<string, Dim>())));

    public static ShapeResult Apply(ContractSpec contract, string path, TensorShape input, ShapeEnvironment env)
    {
        var check = new LayerCheck(path);
        var bound = new Dictionary<string, Dim>();
        if (input.IsRankKnown && !contract.Input.IsEmpty)
        {
            var declared = TensorShape.Of(contract.Input.Select(d => Resolve(d, env, bound)));
            if (input.Rank != contract.Input.Count)
            {
                check.Fail(ShapeFailureKind.ContractMismatch,
                    $"{path} declares in its [Contract] that it takes a {contract.Input.Count}-dimensional sample ({declared}) but receives {input}",
                    declared.ToString(), input.ToString());
                return check.Finish(TensorShape.UnknownRank);
            }

            for (var i = 0; i < input.Rank; i++)
            {
                var entry = contract.Input[i];
                if (entry.Kind == ArgKind.Text && !bound.ContainsKey(entry.Text!))
                {
                    bound[entry.Text!] = input[i];
                    continue;
                }

                var expected = Resolve(entry, env, bound);
                switch (expected.Match(input[i]))
                {
                    case DimMatch.Different:
                        check.Fail(ShapeFailureKind.ContractMismatch,
                            $"{path} declares in its [Contract] that dimension {i + 1} of what it takes is {Name(entry)} = {expected}, but it receives {input[i]} ({input})",
                            expected.ToString(), input[i].ToString());
                        break;
                    case DimMatch.Undetermined when !expected.IsUnknown:
                        check.Note($"dimension {i + 1} ({Name(entry)}) not checked against the received {input[i]}");
                        break;
                }
            }
        }

        return check.Finish(contract.Output.IsEmpty ? TensorShape.UnknownRank : TensorShape.Of(contract.Output.Select(d => Resolve(d, env, bound))));
    }

    private static Dim Resolve(ArgValue entry, ShapeEnvironment env, IReadOnlyDictionary<string, Dim> bound) => entry.Kind switch
    {
        ArgKind.Text => bound.TryGetValue(entry.Text!, out var dim) ? dim : Dim.Unknown,
        _ => env.Size(entry),
    };

    private static string Name(ArgValue entry) => entry.Kind == ArgKind.Int ? entry.Int.ToString(System.Globalization.CultureInfo.InvariantCulture) : entry.Text!;
}
