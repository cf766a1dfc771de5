using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// Calls of the TorchSharp modules NetGen models when a <c>[Factory]</c> builds them with one call it reads
/// (<see cref="TorchModuleSpec"/>): an LSTM, GRU or RNN returns its output and final states, an attention its
/// output and weights, with the arguments the factory passes (hyperparameters resolved as everywhere else).
/// </summary>
internal static class SequenceModules
{
    public static ForwardValue Call(IForwardHostInternals host, MemberSpec member, TorchModuleSpec module, IReadOnlyList<ForwardValue> args, LocationInfo? location, bool speculative)
    {
        var env = host.Environment;
        Dim Size(string name, Dim? whenNull = null) => module.Get(name) is { Kind: ArgKind.Text, Text: TorchModules.NullArgument } ? whenNull ?? Dim.Unknown : env.Size(module.Get(name));
        var path = host.Path(member);
        if (args.Any(a => a is not TensorValue && a is not NullValue && a is not FlagValue))
        {
            return ForwardValue.Unknown(args.Select(a => a.Taint).FirstOrDefault(t => t is not null));
        }

        if (module.Kind == "MultiheadAttention")
        {
            if (args.Count < 3 || args.Take(3).Any(a => a is not TensorValue))
            {
                return ForwardValue.Unknown();
            }

            var (query, key, value) = ((TensorValue)args[0], (TensorValue)args[1], (TensorValue)args[2]);
            var embed = Size("embedded_dim");
            var heads = Size("num_heads");
            if (embed.IsKnown && heads.IsKnown && heads.Value > 0 && embed.Value % heads.Value != 0)
            {
                return Fail(host, new ShapeFailure(ShapeFailureKind.InvalidArgument, path,
                    $"{path}: embed_dim {embed} must be divisible by num_heads {heads}", $"a multiple of {heads}", embed.ToString()), location, query, speculative);
            }

            var (output, weights) = SequenceModuleShapes.Attention(path, query.Shape, key.Shape, value.Shape, embed, Size("kdim", embed), Size("vdim", embed));
            if (output.Failure is { } failure)
            {
                return Fail(host, failure, location, query, speculative);
            }

            var needWeights = args.Count > 4 && args[4] is FlagValue { Value: false };
            ForwardValue weightValue = needWeights ? new NullValue() : weights is null ? ForwardValue.Unknown() : query.Then(member.Name + " weights", weights);
            return new TupleValue(new ForwardValue[] { query.Then(member.Name, output.Shape!), weightValue }, false);
        }

        if (args[0] is not TensorValue input)
        {
            return ForwardValue.Unknown();
        }

        var (result, state) = SequenceModuleShapes.Recurrent(path, input.Shape, Size("inputSize"), Size("hiddenSize"), Size("numLayers"),
            env.Flag(module.Get("batchFirst")), env.Flag(module.Get("bidirectional")));
        if (result.Failure is { } wrong)
        {
            return Fail(host, wrong, location, input, speculative);
        }

        var stateValue = state is null ? ForwardValue.Unknown() : input.Then(member.Name + " state", state);
        var items = new List<ForwardValue> { input.Then(member.Name, result.Shape!) };
        items.AddRange(Enumerable.Repeat(stateValue, FinalStates(module.Kind)));
        return new TupleValue(items, false);
    }

    /// <summary>How many final states a recurrent module returns after its output: h_n and c_n for an LSTM, h_n for a GRU or RNN; 0 for any other.</summary>
    public static int FinalStates(string kind) => kind switch { "LSTM" => 2, "GRU" or "RNN" => 1, _ => 0 };

    private static ForwardValue Fail(IForwardHostInternals host, ShapeFailure failure, LocationInfo? location, TensorValue input, bool speculative)
    {
        if (!speculative)
        {
            host.Fail(failure, location, input.Chain);
        }

        return ForwardValue.Unknown();
    }
}

/// <summary>What the module models need of the host beyond <see cref="IForwardHost"/>: the environment and member paths.</summary>
internal interface IForwardHostInternals
{
    ShapeEnvironment Environment { get; }

    string Path(MemberSpec member);

    void Fail(ShapeFailure failure, LocationInfo? location, ShapeChain? chain);
}
