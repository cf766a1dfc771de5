using System.Collections.Generic;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.FactoryCall;
using static NetGen.Generator.Catalogue.LayerValues;

namespace NetGen.Generator.Catalogue.Layers;

/// <summary>
/// LSTM, GRU and RNN: the module returns a tuple, of which the forward keeps the output sequence (the final states
/// are disposed). Per layer and direction, PyTorch registers weight_ih, weight_hh, bias_ih, bias_hh, each with
/// <see cref="Gates"/> blocks of hidden_size rows.
/// </summary>
internal abstract class RecurrentEntry : LayerEntry
{
    public override string PyTorch => "torch.nn." + Name;
    public override bool HasState => true;
    public override bool ReturnsTuple => true;

    public override IReadOnlyList<LayerArgument> Arguments => _arguments ??= CreateArguments();

    private IReadOnlyList<LayerArgument>? _arguments;

    /// <summary>Gate blocks stacked in each weight: 4 for LSTM, 3 for GRU, 1 for RNN.</summary>
    protected abstract int Gates { get; }

    // The initial states are zeros, as PyTorch's when none is given.
    public override string Invoke(string module, string x) => $"global::NetGen.RecurrentOutput.Sequence({module}.call({x}, null))";

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env) =>
        new RecurrentSpec(name, Size(layer, "InputSize", env), Size(layer, "HiddenSize", env), Directions(layer));

    public override IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        var hidden = Size(layer, "HiddenSize", env);
        var rows = Multiply(Dim.Of(Gates), hidden);
        var layers = IntOr(layer, "NumLayers", 1);
        var directions = Directions(layer);
        for (var k = 0; k < layers; k++)
        {
            for (var d = 0; d < directions; d++)
            {
                var suffix = $"_l{k}" + (d == 1 ? "_reverse" : "");
                yield return LayerState.Parameter("weight_ih" + suffix, rows, k == 0 ? Size(layer, "InputSize", env) : Multiply(Dim.Of(directions), hidden));
                yield return LayerState.Parameter("weight_hh" + suffix, rows, hidden);
                if (On(layer, "Bias"))
                {
                    yield return LayerState.Parameter("bias_ih" + suffix, rows);
                    yield return LayerState.Parameter("bias_hh" + suffix, rows);
                }
            }
        }
    }

    private static int Directions(LayerSpec layer) => FlagOr(layer, "Bidirectional", false) ? 2 : 1;

    protected virtual IEnumerable<LayerArgument> ExtraArguments() => new LayerArgument[0];

    private IReadOnlyList<LayerArgument> CreateArguments()
    {
        var arguments = new List<LayerArgument>
        {
            LayerArgument.Required("InputSize", "input_size"),
            LayerArgument.Required("HiddenSize", "hidden_size"),
            LayerArgument.Named("NumLayers", "num_layers", ArgRule.Size, torchSharp: "numLayers"),
        };
        arguments.AddRange(ExtraArguments());
        arguments.Add(LayerArgument.Named("Bias", "bias", ArgRule.Flag));
        arguments.Add(LayerArgument.Named("BatchFirst", "batch_first", ArgRule.Flag, torchSharp: "batchFirst"));
        arguments.Add(LayerArgument.Named("Dropout", "dropout", ArgRule.Probability));
        arguments.Add(LayerArgument.Named("Bidirectional", "bidirectional", ArgRule.Flag));
        return arguments;
    }
}

internal sealed class LSTMEntry : RecurrentEntry
{
    public override string Name => "LSTM";
    protected override int Gates => 4;
}

internal sealed class GRUEntry : RecurrentEntry
{
    public override string Name => "GRU";
    protected override int Gates => 3;
}

internal sealed class RNNEntry : RecurrentEntry
{
    private static readonly string[] Nonlinearities = { "tanh", "relu" };

    public override string Name => "RNN";
    protected override int Gates => 1;

    public override string Construct(LayerSpec layer)
    {
        var args = new List<string> { Required(layer, "InputSize"), Required(layer, "HiddenSize") };
        Optional(args, layer, "NumLayers", "numLayers");
        if (layer.Get("Nonlinearity") is { Kind: ArgKind.Text, Text: "relu" })
        {
            args.Add("nonLinearity: global::TorchSharp.torch.nn.NonLinearities.ReLU");
        }

        Optional(args, layer, "Bias", "bias");
        Optional(args, layer, "BatchFirst", "batchFirst");
        Optional(args, layer, "Dropout", "dropout");
        Optional(args, layer, "Bidirectional", "bidirectional");
        return Call(Name, args);
    }

    protected override IEnumerable<LayerArgument> ExtraArguments() => new[] { LayerArgument.Named("Nonlinearity", "nonlinearity", ArgRule.Value, keywords: Nonlinearities) };
}
