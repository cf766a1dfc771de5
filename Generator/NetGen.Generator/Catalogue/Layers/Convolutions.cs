using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Analysis;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static NetGen.Generator.Catalogue.LayerValues;

namespace NetGen.Generator.Catalogue.Layers;

/// <summary>
/// Convolutions: PyTorch's int-or-tuple arguments, <c>InChannels</c> inferred when omitted, weight
/// <c>[out, in/groups, k…]</c> (transposed: <c>[in, out/groups, k…]</c>) and an optional bias.
/// </summary>
internal abstract class ConvolutionEntry : LayerEntry
{
    private static readonly string[] PaddingKeywords = { "same", "valid" };
    private static readonly string[] PerDimension = { "KernelSize", "Stride", "Padding", "Dilation", "OutputPadding" };

    public override bool HasState => true;

    public override IReadOnlyList<LayerArgument> Arguments => _arguments ??= CreateArguments();

    private IReadOnlyList<LayerArgument>? _arguments;

    public override LayerArgument? InferableInput => Arguments[0];

    /// <summary>The shape library's kind; also fixes the number of spatial dimensions.</summary>
    protected abstract ConvKind Kind { get; }

    protected int Rank => Kind switch { ConvKind.Conv1d => 1, ConvKind.Conv3d => 3, _ => 2 };

    private bool IsTransposed => Kind == ConvKind.ConvTranspose2d;

    public override bool AcceptsSizeList(string argument) => Rank > 1 && PerDimension.Contains(argument);

    public override string Construct(LayerSpec layer)
    {
        var padding = layer.Get("Padding");
        var usesTuples = Rank > 1 && PerDimension.Any(n => layer.Get(n).IsList);
        var args = new List<string> { FactoryCall.Required(layer, "InChannels"), FactoryCall.Required(layer, "OutChannels") };
        args.Add(usesTuples ? Tuple(layer.Get("KernelSize")) : FactoryCall.Required(layer, "KernelSize"));
        Optional(args, layer, "Stride", "stride", usesTuples);
        if (padding.Kind == ArgKind.Text)
        {
            args.Add("padding: global::TorchSharp.Padding." + (padding.Text == "same" ? "Same" : "Valid"));
        }
        else if (!usesTuples && padding is { Kind: ArgKind.Int, Int: 0 })
        {
            // A literal 0 also converts to the Padding enum, which makes the call ambiguous.
            args.Add("padding: 0L");
        }
        else
        {
            Optional(args, layer, "Padding", "padding", usesTuples);
        }

        if (IsTransposed)
        {
            Optional(args, layer, "OutputPadding", "output_padding", usesTuples);
        }

        Optional(args, layer, "Dilation", "dilation", usesTuples);
        FactoryCall.Optional(args, layer, "Groups", "groups");
        FactoryCall.Optional(args, layer, "Bias", "bias");
        return FactoryCall.Call(Name, args);
    }

    public override LayerShapeSpec Shape(LayerSpec layer, string name, ShapeEnvironment env)
    {
        var padding = layer.Get("Padding") switch
        {
            { Kind: ArgKind.Text, Text: "same" } => ConvPadding.Same,
            { Kind: ArgKind.Text } => ConvPadding.Valid,
            { IsAbsent: true } => ConvPadding.Explicit(0),
            var value => ConvPadding.Explicit(env.Sizes(value).ToArray()),
        };
        return new ConvSpec(name, Kind, Size(layer, "InChannels", env), Size(layer, "OutChannels", env), Sizes(layer, "KernelSize", env),
            Sizes(layer, "Stride", env), padding, Sizes(layer, "Dilation", env), SizeOr(layer, "Groups", env, 1), Sizes(layer, "OutputPadding", env));
    }

    public override IEnumerable<LayerState> State(LayerSpec layer, TensorShape input, ShapeEnvironment env)
    {
        var groups = SizeOr(layer, "Groups", env, 1);
        var inChannels = Incoming(layer, "InChannels", env, First(input));
        var outChannels = Size(layer, "OutChannels", env);
        var weight = IsTransposed
            ? new[] { inChannels, Divide(outChannels, groups) }
            : new[] { outChannels, Divide(inChannels, groups) };
        yield return LayerState.Parameter("weight", weight.Concat(Kernel(layer, env, Rank)).ToArray());
        if (On(layer, "Bias"))
        {
            yield return LayerState.Parameter("bias", outChannels);
        }
    }

    public override long MultAdds(LayerSpec layer, TensorShape input, TensorShape output, ShapeEnvironment env)
    {
        var kernel = Sizes(layer, "KernelSize", env);
        var kernelElements = kernel.Count == 0 || kernel.Any(d => !d.IsKnown) ? -1
            : kernel.Count == 1 ? Counting.Product(Enumerable.Repeat(kernel[0].Value, Rank))
            : Counting.Product(kernel.Select(d => d.Value));
        var groups = layer.Get("Groups").IsAbsent ? 1 : Known(Size(layer, "Groups", env));
        if (IsTransposed)
        {
            var perInput = Counting.Product(new[] { layer.Get("OutChannels").IsAbsent ? -1 : Known(Size(layer, "OutChannels", env)), kernelElements });
            return perInput < 0 || groups <= 0 ? -1 : Counting.Product(new[] { Elements(input), perInput / groups });
        }

        var inChannels = layer.Get("InChannels").IsAbsent ? Known(First(input)) : Known(Size(layer, "InChannels", env));
        var perOutput = Counting.Product(new[] { inChannels, kernelElements });
        return perOutput < 0 || groups <= 0 ? -1 : Counting.Product(new[] { Elements(output), perOutput / groups });
    }

    public override TensorShape SeedInput(Dim channels) => TensorShape.Of(new[] { channels }.Concat(Enumerable.Repeat(Dim.Unknown, Rank)));

    private string Tuple(ArgValue value) => Rank == 3 ? FactoryCall.Triple(value) : FactoryCall.Pair(value);

    private void Optional(List<string> args, LayerSpec layer, string name, string parameter, bool asTuple)
    {
        var value = layer.Get(name);
        if (!value.IsAbsent)
        {
            args.Add(parameter + ": " + (asTuple ? Tuple(value) : value.ToCSharp()));
        }
    }

    private IReadOnlyList<LayerArgument> CreateArguments()
    {
        var arguments = new List<LayerArgument>
        {
            LayerArgument.Required("InChannels", "in_channels"),
            LayerArgument.Required("OutChannels", "out_channels"),
            LayerArgument.Required("KernelSize", "kernel_size"),
            LayerArgument.Named("Stride", "stride", ArgRule.Size),
            LayerArgument.Named("Padding", "padding", ArgRule.Count, keywords: IsTransposed ? null : PaddingKeywords),
        };
        if (IsTransposed)
        {
            arguments.Add(LayerArgument.Named("OutputPadding", "output_padding", ArgRule.Count));
        }

        arguments.Add(LayerArgument.Named("Groups", "groups", ArgRule.Size));
        arguments.Add(LayerArgument.Named("Bias", "bias", ArgRule.Flag));
        arguments.Add(LayerArgument.Named("Dilation", "dilation", ArgRule.Size));
        return arguments;
    }
}

internal sealed class Conv1dEntry : ConvolutionEntry
{
    public override string Name => "Conv1d";
    public override string PyTorch => "torch.nn.Conv1d";
    protected override ConvKind Kind => ConvKind.Conv1d;
}

internal sealed class Conv2dEntry : ConvolutionEntry
{
    public override string Name => "Conv2d";
    public override string PyTorch => "torch.nn.Conv2d";
    protected override ConvKind Kind => ConvKind.Conv2d;
}

internal sealed class ConvTranspose2dEntry : ConvolutionEntry
{
    public override string Name => "ConvTranspose2d";
    public override string PyTorch => "torch.nn.ConvTranspose2d";
    protected override ConvKind Kind => ConvKind.ConvTranspose2d;
}

internal sealed class Conv3dEntry : ConvolutionEntry
{
    public override string Name => "Conv3d";
    public override string PyTorch => "torch.nn.Conv3d";
    protected override ConvKind Kind => ConvKind.Conv3d;
}
