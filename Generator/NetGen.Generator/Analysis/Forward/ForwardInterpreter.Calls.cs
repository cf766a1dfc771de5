using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>Calls of TorchSharp operations (through <see cref="ForwardOps"/>) and of list methods.</summary>
internal sealed partial class ForwardInterpreter
{
    private ForwardValue Call(CallExpr call)
    {
        var receiver = call.Receiver is null ? null : Eval(call.Receiver);
        var args = call.Args.Select(a => (a.Name, Eval(a.Value))).ToList();
        if (call.Family == CallFamily.Collection)
        {
            return CollectionCall(call, receiver, args);
        }

        var op = new OpCall(this, call, receiver, args);
        var name = ForwardOps.NameOf(call);
        // What a shape-keeping operation gives depends on its input alone: an unknown dtype, device or training flag
        // (x.to(float64), F.dropout(x, p, training)) stops no checking, so it is no boundary, whether the input's shape
        // is known or not (an input already unknown has its own boundary).
        if (ForwardOps.Broadcasts(name))
        {
            foreach (var operand in op.Operands)
            {
                UseBroadcastOperand(operand);
            }
        }
        else
        {
            foreach (var operand in ForwardOps.KeepsShape(name) && op.Input is TensorValue or UnknownValue ? new[] { op.Input } : op.Operands)
            {
                Use(operand);
            }
        }

        if (ForwardOps.TryGet(name, out var rule))
        {
            return rule(op);
        }

        var taint = Taint(call.Location, $"{Describe(call.Family)}{call.Name} is not modelled");
        if (call.Receiver is LocalRef local && call.Name.EndsWith("_", System.StringComparison.Ordinal))
        {
            // An in-place operation NetGen does not know may change its tensor's shape.
            Havoc(new[] { local.Name }, taint);
        }

        return op.NotModelled(taint.Note.Substring(taint.Note.IndexOf(':') + 2));
    }

    private static string Describe(CallFamily family) => family switch
    {
        CallFamily.Tensor => "Tensor.",
        CallFamily.Torch => "torch.",
        CallFamily.Functional => "torch.nn.functional.",
        CallFamily.Linalg => "torch.linalg.",
        _ => "",
    };

    /// <summary>A list method: <c>Add</c>, <c>Insert</c>, <c>ToArray</c>, …, or <c>children()</c> of a Sequential member.</summary>
    private ForwardValue CollectionCall(CallExpr call, ForwardValue? receiver, List<(string Name, ForwardValue Value)> args)
    {
        ForwardValue? Arg(int position) => position < args.Count ? args[position].Value : null;
        if (call.Name == "children" && receiver is ModuleValue module)
        {
            return _host.Children(module);
        }

        // LINQ's extension methods take the list as their first argument.
        var target = receiver ?? Arg(0);
        var rest = receiver is null ? args.Skip(1).Select(a => a.Value).ToList() : args.Select(a => a.Value).ToList();
        if (target is not ListRef { List: var list })
        {
            return ForwardValue.Unknown(target?.Taint ?? Taint(call.Location, $"{call.Name} on a collection NetGen does not follow"));
        }

        var count = rest.Count > 0 && rest[0] is SizeValue { Dim.IsKnown: true } n ? (int?)System.Math.Max(0, System.Math.Min(n.Dim.Value, int.MaxValue)) : null;
        switch (call.Name)
        {
            case "Add" when rest.Count == 1:
                if (list.Items is { } items)
                {
                    items.Add(rest[0]);
                }
                else
                {
                    list.Element = ForwardJoin.Values(list.Element, rest[0]);
                }

                return ForwardValue.Unknown();
            case "Insert" when rest.Count == 2 && count is { } at && list.Items is { } inserted && at <= inserted.Count:
                inserted.Insert(at, rest[1]);
                return ForwardValue.Unknown();
            case "AddRange" when rest.Count == 1 && rest[0] is ListRef { List.Items: { } more } && list.Items is { } extended:
                extended.AddRange(more);
                return ForwardValue.Unknown();
            case "Clear":
                list.Items = new List<ForwardValue>();
                return ForwardValue.Unknown();
            case "RemoveAt" when count is { } removed && list.Items is { } shrunk && removed < shrunk.Count:
                shrunk.RemoveAt(removed);
                return ForwardValue.Unknown();
            case "ToArray" or "ToList":
                return new ListRef(new ListValue(list.Items?.ToList(), list.Element) { Taint = list.Taint });
            case "Reverse" when list.Items is { } reversed:
                return new ListRef(new ListValue(Enumerable.Reverse(reversed).ToList(), list.Element));
            case "Skip" when count is { } skip && list.Items is { } all:
                return new ListRef(new ListValue(all.Skip(skip).ToList(), list.Element));
            case "Take" when count is { } take && list.Items is { } all:
                return new ListRef(new ListValue(all.Take(take).ToList(), list.Element));
            case "First" when rest.Count == 0 && list.Items is { Count: > 0 } first:
                return first[0];
            case "Last" when rest.Count == 0 && list.Items is { Count: > 0 } last:
                return last[last.Count - 1];
            case "ElementAt" when count is { } index && list.Items is { } indexed && index < indexed.Count:
                return indexed[index];
            case "Count" when rest.Count == 0:
                return new SizeValue(list.Items is { } counted ? Dim.Of(counted.Count) : Dim.Unknown);
            default:
                // A form not followed: the list may have changed in any way.
                var taint = Taint(call.Location, $"{call.Name} on a list in a form NetGen does not follow");
                list.Forget(taint);
                return ForwardValue.Unknown(taint);
        }
    }
}
