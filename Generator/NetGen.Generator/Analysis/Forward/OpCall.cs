using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// One call of a TorchSharp operation as a rule sees it: the tensor it works on (the receiver of <c>x.view(…)</c>,
/// or the first argument of <c>torch.cat(…)</c>/<c>F.relu(x)</c>), its other arguments by TorchSharp's parameter
/// names, and how to turn a shape result into a value (reporting a failure where the call is written).
/// </summary>
internal sealed class OpCall
{
    private static readonly HashSet<string> InputNames = new(System.StringComparer.Ordinal) { "input", "tensor", "x", "left", "self" };
    private readonly ForwardInterpreter _interpreter;
    private readonly List<(string Name, ForwardValue Value)> _args;

    public OpCall(ForwardInterpreter interpreter, CallExpr call, ForwardValue? receiver, List<(string Name, ForwardValue Value)> args)
    {
        _interpreter = interpreter;
        Call = call;
        if (call.Family == CallFamily.Tensor && receiver is not null)
        {
            Input = receiver;
            _args = args;
        }
        else
        {
            var at = args.FindIndex(a => InputNames.Contains(a.Name));
            Input = at >= 0 ? args[at].Value : null;
            _args = at >= 0 ? args.Where((_, i) => i != at).ToList() : args;
        }
    }

    public CallExpr Call { get; }

    public string Name => Call.Name;

    public LocationInfo? Location => Call.Location;

    /// <summary>The tensor the operation works on; null for an operation without one (<c>torch.cat</c>, <c>torch.zeros</c>).</summary>
    public ForwardValue? Input { get; }

    /// <summary>Every value the call reads.</summary>
    public IEnumerable<ForwardValue> Operands => (Input is null ? Enumerable.Empty<ForwardValue>() : new[] { Input }).Concat(_args.Select(a => a.Value));

    public ForwardValue? Arg(params string[] names) => _args.FirstOrDefault(a => names.Contains(a.Name)).Value;

    public bool Has(params string[] names) => Arg(names) is { } value && value is not NullValue;

    /// <summary>An integer argument, or <paramref name="fallback"/> when it is absent; null when given but not known.</summary>
    public long? Long(long? fallback, params string[] names) => Arg(names) switch
    {
        null or NullValue => fallback,
        SizeValue { Dim.IsKnown: true } size => size.Dim.Value,
        _ => null,
    };

    public Dim Size(params string[] names) => Arg(names) is SizeValue size ? size.Dim : Dim.Unknown;

    public bool? Flag(bool fallback, params string[] names) => Arg(names) switch
    {
        null or NullValue => fallback,
        FlagValue flag => flag.Value,
        _ => null,
    };

    /// <summary>A list of sizes (a <c>params long[]</c>, an array, a shape), or one size as a list of one; null when absent or not a list.</summary>
    public IReadOnlyList<Dim>? Sizes(params string[] names) => Arg(names) switch
    {
        ListRef { List.Items: { } items } => items.Select(i => i is SizeValue s ? s.Dim : Dim.Unknown).ToList(),
        SizeValue size => new[] { size.Dim },
        _ => null,
    };

    /// <summary>A list of known integers (dims, a permutation); null when absent or when any is not known.</summary>
    public IReadOnlyList<long>? Longs(params string[] names)
    {
        var sizes = Sizes(names);
        return sizes is null || sizes.Any(s => !s.IsKnown) ? null : sizes.Select(s => s.Value).ToList();
    }

    /// <summary>The tensors of a list argument (<c>cat</c>'s tensors); null when the list's length or an element is not known as a tensor.</summary>
    public IReadOnlyList<TensorValue>? Tensors(params string[] names) =>
        Arg(names) is ListRef { List.Items: { } items } && items.All(i => i is TensorValue) ? items.Cast<TensorValue>().ToList() : null;

    /// <summary>The result of a shape rule applied to <paramref name="source"/>: the new tensor, or the failure reported here.</summary>
    public ForwardValue Result(ShapeResult result, TensorValue source, string? label = null, TensorValue? chainOf = null) =>
        _interpreter.ResultOf(result, label ?? Name, source, Location, chainOf);

    /// <summary>Two operands broadcast together, a failure reported here.</summary>
    public ForwardValue Broadcast(ForwardValue left, ForwardValue right, ShapeFailureKind kind) => _interpreter.BroadcastOf(Name, left, right, kind, Location);

    /// <summary>Not known, and not because of anything unmodelled beyond what the operands carry.</summary>
    public ForwardValue Unknown() => ForwardValue.Unknown(Operands.Select(o => o.Taint).FirstOrDefault(t => t is not null));

    /// <summary>A form of the operation NetGen does not follow: checking stops here, and the note says so.</summary>
    public ForwardValue NotModelled(string why) => ForwardValue.Unknown(Operands.Select(o => o.Taint).FirstOrDefault(t => t is not null) ?? _interpreter.TaintAt(Location, why));
}
