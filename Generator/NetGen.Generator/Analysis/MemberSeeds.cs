using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// What a member is checked from when nothing says what it receives (a hand-written forward): its contract's
/// input, or, when its first layer fixes the sample's rank (a 2-d convolution, norm or pool takes C×H×W), that
/// rank with the channels it declares and unknown sizes. Its own layers are then checked against each other.
/// Layers that take any rank (Linear, LayerNorm, activations) start from an unknown shape: no guess is made.
/// </summary>
internal static class MemberSeeds
{
    public static TensorShape InputOf(MemberSpec member, ShapeEnvironment env)
    {
        if (member.Contract is { } contract)
        {
            return ContractShapes.Input(contract, env);
        }

        var first = member.Kind switch
        {
            MemberKind.Layer => member.Layers.FirstOrDefault(),
            MemberKind.Sequential when !member.IsBuiltChildByChild => member.Layers.FirstOrDefault(),
            _ => null,
        };
        if (first is null)
        {
            return TensorShape.UnknownRank;
        }

        var channels = first.Kind.InferableInput() is { } input && !first.Get(input.Argument).IsAbsent ? env.Size(first.Get(input.Argument)) : Dim.Unknown;
        return first.Kind.Entry()?.SeedInput(channels) ?? TensorShape.UnknownRank;
    }
}
