using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>Expressions: references, constants, operators, collections, tuples, indexing, module calls.</summary>
internal sealed partial class ForwardInterpreter
{
    private ForwardValue Eval(ForwardExpr expression)
    {
        Step();
        switch (expression)
        {
            case InputRef input:
                return input.Index < _inputs.Count ? _inputs[input.Index] : ForwardValue.Unknown();
            case LocalRef local:
                return _state.Locals.TryGetValue(local.Name, out var value) ? value : ForwardValue.Unknown();
            case MemberRef member:
                return _host.Member(member.Name, member.Location);
            case HyperparameterRef hyperparameter:
                return _host.Hyperparameter(hyperparameter.Name);
            case ConstantExpr constant:
                return Constant(constant.Value);
            case TrainingFlag training:
                // Not a boundary: both ways are followed, and what holds after either is checked.
                return new FlagValue(null) { Taint = new ForwardTaint($"line {Line(training.Location)}: whether the model is training is known only at run time, so both ways are followed and a failure inside either is not reported", false) };
            case CallExpr call:
                return Call(call);
            case ModuleCallExpr call:
                return CallModule(call);
            case HelperCallExpr call:
                return CallHelper(call);
            case BinaryExpr binary:
                return Binary(binary);
            case UnaryExpr unary:
                return Unary(unary.Operator, Eval(unary.Operand));
            case ConditionalExpr conditional:
                return Conditional(conditional);
            case IsNullExpr isNull:
                return IsNull(Eval(isNull.Operand), isNull.Negated);
            case CollectionExpr collection:
                return new ListRef(new ListValue(collection.Elements.Select(Eval).ToList()));
            case TupleExpr tuple:
                return new TupleValue(tuple.Elements.Select(Eval).ToList(), false);
            case ElementExpr element:
                return Element(Eval(element.Collection), Eval(element.Index), element.Location, element.FromEnd);
            case TupleItemExpr item:
                return Eval(item.Tuple) is TupleValue tupleValue ? tupleValue.Item(item.Index) : ForwardValue.Unknown();
            case PropertyExpr property:
                return Property(property.Name == "Count" ? AsCollection(Eval(property.Receiver)) : Eval(property.Receiver), property.Name);
            case TensorIndexExpr index:
                return Index(index);
            case UnknownExpr unknown:
                return Unmodelled(unknown);
            default:
                return ForwardValue.Unknown();
        }
    }

    private static ForwardValue Constant(ArgValue value) => value.Kind switch
    {
        ArgKind.Int => new SizeValue(Dim.Of(value.Int)),
        ArgKind.Double => new RealValue(value.Double),
        ArgKind.Bool => new FlagValue(value.AsBool),
        ArgKind.Text => new TextValue(value.Text),
        _ => new NullValue(),
    };

    /// <summary>Something NetGen does not model: its operands are still followed, and its value is unknown from here on.</summary>
    private ForwardValue Unmodelled(UnknownExpr unknown)
    {
        foreach (var operand in unknown.Operands)
        {
            Eval(operand);
        }

        var taint = Taint(unknown.Location, unknown.Why);
        Havoc(unknown.Havoc, taint);
        return unknown.Kind switch
        {
            UnknownKind.Integer => new SizeValue(Dim.Unknown) { Taint = taint },
            UnknownKind.Real => new RealValue(null) { Taint = taint },
            UnknownKind.Flag => new FlagValue(null) { Taint = taint },
            _ => ForwardValue.Unknown(taint),
        };
    }

    private ForwardValue CallModule(ModuleCallExpr call)
    {
        var module = Eval(call.Module);
        var args = call.Args.Select(Eval).ToList();
        foreach (var arg in args)
        {
            Use(arg);
        }

        return module switch
        {
            ModuleValue target => _host.Call(target, args, call.Location, Speculative),
            // A [When] member that these hyperparameters leave out: the call throws if it runs; NetGen says where it stopped.
            NullValue => ForwardValue.Unknown(Taint(call.Location, "a call of a member that is null with these hyperparameters")),
            _ => ForwardValue.Unknown(module.Taint ?? Taint(call.Location, "a call of a module NetGen cannot tell")),
        };
    }

    private ForwardValue Conditional(ConditionalExpr conditional)
    {
        ForwardValue? whenTrue = null, whenFalse = null;
        Branch(Eval(conditional.Condition), () => whenTrue = Eval(conditional.WhenTrue), () => whenFalse = Eval(conditional.WhenFalse));
        return whenTrue is null ? whenFalse ?? ForwardValue.Unknown()
            : whenFalse is null ? whenTrue
            : ForwardJoin.Values(whenTrue, whenFalse);
    }

    private static ForwardValue IsNull(ForwardValue value, bool negated)
    {
        bool? isNull = value switch
        {
            NullValue => true,
            ModuleValue { MaybeNull: true } => null,
            ModuleValue or TensorValue or ListRef or TupleValue => false,
            _ => null,
        };
        return new FlagValue(isNull is { } known ? known != negated : null) { Taint = value.Taint };
    }

    private ForwardValue Binary(BinaryExpr binary)
    {
        if (binary.Operator is "&&" or "||")
        {
            return ShortCircuit(binary);
        }

        var left = Eval(binary.Left);
        var right = Eval(binary.Right);
        if (left is TensorValue || right is TensorValue)
        {
            return TensorOperator(binary, left, right);
        }

        var taint = left.Taint ?? right.Taint;
        return (left, right) switch
        {
            (SizeValue a, SizeValue b) => SizeOperator(binary.Operator, a.Dim, b.Dim) with { Taint = taint },
            (FlagValue a, FlagValue b) when binary.Operator is "==" or "!=" or "&" or "|" => new FlagValue(
                a.Value is { } x && b.Value is { } y ? binary.Operator switch { "==" => x == y, "!=" => x != y, "&" => x & y, _ => x | y } : null) { Taint = taint },
            (TextValue a, TextValue b) when binary.Operator is "==" or "!=" => new FlagValue(
                a.Value is not null && b.Value is not null ? (a.Value == b.Value) == (binary.Operator == "==") : null) { Taint = taint },
            (SizeValue or RealValue, SizeValue or RealValue) => IsComparison(binary.Operator) ? new FlagValue(null) { Taint = taint } : new RealValue(null) { Taint = taint },
            // Unknown because of the operand that may be a tensor: a number's own note (Math.Sqrt) is not why.
            _ => ForwardValue.Unknown(IsNumber(left) && IsNumber(right) ? taint : ShapeTaint(left) ?? ShapeTaint(right)),
        };
    }

    private ForwardValue ShortCircuit(BinaryExpr binary)
    {
        var and = binary.Operator == "&&";
        var left = Eval(binary.Left);
        if (left is FlagValue { Value: { } known })
        {
            return known == and ? Eval(binary.Right) : new FlagValue(known);
        }

        // Whether the right side runs is not known: follow it without reporting what fails there.
        _speculative++;
        var right = Eval(binary.Right);
        _speculative--;
        return new FlagValue(right is FlagValue { Value: { } r } && r != and ? r : null) { Taint = left.Taint ?? right.Taint };
    }

    private static bool IsComparison(string op) => op is "==" or "!=" or "<" or "<=" or ">" or ">=";

    private static ForwardValue SizeOperator(string op, Dim a, Dim b)
    {
        if (IsComparison(op))
        {
            var match = a.Match(b);
            bool? result = op switch
            {
                "==" => match == DimMatch.Undetermined ? null : match == DimMatch.Equal,
                "!=" => match == DimMatch.Undetermined ? null : match == DimMatch.Different,
                _ when a.IsKnown && b.IsKnown => op switch { "<" => a.Value < b.Value, "<=" => a.Value <= b.Value, ">" => a.Value > b.Value, _ => a.Value >= b.Value },
                _ => null,
            };
            return new FlagValue(result);
        }

        return new SizeValue(DimArithmetic.Apply(op, a, b));
    }

    private static ForwardValue Unary(string op, ForwardValue operand) => (op, operand) switch
    {
        ("-", SizeValue size) => new SizeValue(DimArithmetic.Apply("-", Dim.Of(0), size.Dim)) { Taint = size.Taint },
        ("-", TensorValue tensor) => tensor,
        ("-", RealValue real) => new RealValue(-real.Value) { Taint = real.Taint },
        ("!", FlagValue flag) => new FlagValue(!flag.Value) { Taint = flag.Taint },
        _ => ForwardValue.Unknown(operand.Taint),
    };

    /// <summary><c>a + b</c>, <c>a * b</c>, … on tensors: PyTorch's broadcasting (a number keeps the tensor's shape).</summary>
    private ForwardValue TensorOperator(BinaryExpr binary, ForwardValue left, ForwardValue right)
    {
        UseBroadcastOperand(left);
        UseBroadcastOperand(right);
        var name = binary.Operator switch { "+" => "add", "-" => "sub", "*" => "mul", "/" => "div", "%" => "remainder", _ => "'" + binary.Operator + "'" };
        return Broadcast(name, left, right, binary.Operator == "+" ? ShapeFailureKind.AddShapeMismatch : ShapeFailureKind.BroadcastMismatch, binary.Location);
    }

    /// <summary>A number broadcast with a tensor gives the tensor's shape whatever its value, so an unknown one stops no checking.</summary>
    internal void UseBroadcastOperand(ForwardValue operand)
    {
        if (!IsNumber(operand))
        {
            Use(operand);
        }
    }

    private static bool IsNumber(ForwardValue operand) => operand is SizeValue or RealValue or FlagValue;

    /// <summary>What an operand's unknown value says of a tensor's shape: nothing, for a number (or a flag).</summary>
    private static ForwardTaint? ShapeTaint(ForwardValue operand) => IsNumber(operand) ? null : operand.Taint;

    internal ForwardValue BroadcastOf(string name, ForwardValue left, ForwardValue right, ShapeFailureKind kind, LocationInfo? location) =>
        Broadcast(name, left, right, kind, location);

    /// <summary>Two operands broadcast together, as <c>+</c>, <c>mul</c> or <c>masked_fill</c> do.</summary>
    private ForwardValue Broadcast(string name, ForwardValue left, ForwardValue right, ShapeFailureKind kind, LocationInfo? location)
    {
        switch (left, right)
        {
            case (TensorValue a, TensorValue b):
                var result = BroadcastShapes.Infer(name, a.Shape, b.Shape, kind);
                return Result(result, name, a, location, b.Chain.Steps.Length > a.Chain.Steps.Length ? b : a);
            case (TensorValue a, SizeValue or RealValue or FlagValue):
                return a;
            case (SizeValue or RealValue or FlagValue, TensorValue b):
                return b;
            default:
                // Unknown because of an operand that may be a tensor; a number's own note (Math.Sqrt) is not why.
                return new TensorValue(TensorShape.UnknownRank, (left as TensorValue ?? right as TensorValue)?.Chain ?? ShapeChain.Start(TensorShape.UnknownRank))
                {
                    Taint = ShapeTaint(left) ?? ShapeTaint(right),
                };
        }
    }

    /// <summary>
    /// An operation's shape result: the failure reported at <paramref name="location"/> (unless speculative), with
    /// the chain of the operand that has the longer history, and an unknown result so one mistake is reported once.
    /// </summary>
    internal ForwardValue ResultOf(ShapeResult result, string label, TensorValue source, LocationInfo? location, TensorValue? chainOf = null) =>
        Result(result, label, source, location, chainOf);

    private ForwardValue Result(ShapeResult result, string label, TensorValue source, LocationInfo? location, TensorValue? chainOf = null)
    {
        if (result.Failure is { } failure)
        {
            if (!Speculative)
            {
                _host.Fail(failure, location, (chainOf ?? source).Chain);
            }

            return ForwardValue.Unknown();
        }

        var shape = result.Shape!;
        return shape.Equals(source.Shape) ? source : source.Then(label, shape);
    }

    private ForwardValue Element(ForwardValue collection, ForwardValue index, LocationInfo? location, bool fromEnd = false)
    {
        if (AsCollection(collection) is not ListRef list)
        {
            return ForwardValue.Unknown(collection.Taint);
        }

        if (list.List.Items is { } items)
        {
            if (index is SizeValue { Dim.IsKnown: true } at)
            {
                // Past the items NetGen knows of (chunk(1) read at [1]): not an error, since the count is NetGen's own
                // reckoning, but where checking stops, said as such rather than silently.
                var position = fromEnd ? items.Count - at.Dim.Value : at.Dim.Value;
                return position >= 0 && position < items.Count
                    ? items[(int)position]
                    : ForwardValue.Unknown(list.List.Taint ?? Taint(location, $"index {(fromEnd ? "^" : "")}{at.Dim.Value} of a list NetGen knows {items.Count} item(s) of"));
            }

            return items.Count == 0 ? ForwardValue.Unknown() : list.List.Any();
        }

        return list.List.Element;
    }

    private static ForwardValue Property(ForwardValue receiver, string name) => (name, receiver) switch
    {
        ("shape", TensorValue tensor) when tensor.Shape.IsRankKnown => new ListRef(new ListValue(tensor.Shape.Dims.Select(d => (ForwardValue)new SizeValue(d) { Taint = tensor.Taint }).ToList())),
        ("shape", TensorValue tensor) => new ListRef(new ListValue(null, new SizeValue(Dim.Unknown) { Taint = tensor.Taint })),
        ("ndim", TensorValue tensor) => new SizeValue(tensor.Shape.IsRankKnown ? Dim.Of(tensor.Shape.Rank) : Dim.Unknown) { Taint = tensor.Taint },
        ("Count", ListRef list) => new SizeValue(list.List.Items is { } items ? Dim.Of(items.Count) : Dim.Unknown) { Taint = list.List.Taint },
        _ => ForwardValue.Unknown(receiver.Taint),
    };

    /// <summary><c>x[.., 0]</c> and friends.</summary>
    private ForwardValue Index(TensorIndexExpr index)
    {
        var tensor = Eval(index.Tensor);
        var indices = new List<TensorIndex>();
        foreach (var spec in index.Indices)
        {
            indices.Add(spec.Kind switch
            {
                TensorIndexKind.Single => Bound(spec.Start, false, out var position) is var unknown && unknown ? new TensorIndex(IndexKind.Single, Unknown: true) : new TensorIndex(IndexKind.Single, position),
                TensorIndexKind.Slice => Slice(spec),
                TensorIndexKind.Ellipsis => new TensorIndex(IndexKind.Ellipsis),
                TensorIndexKind.NewAxis => new TensorIndex(IndexKind.NewAxis),
                _ => new TensorIndex(IndexKind.Other),
            });
        }

        Use(tensor);
        if (tensor is not TensorValue source)
        {
            return ForwardValue.Unknown(tensor.Taint);
        }

        return Result(IndexShapes.Index("index", source.Shape, indices), "index", source, index.Location);
    }

    private TensorIndex Slice(TensorIndexSpec spec)
    {
        var unknown = Bound(spec.Start, spec.StartFromEnd, out var start) | Bound(spec.Stop, spec.StopFromEnd, out var stop) | Bound(spec.Step, false, out var step);
        if (spec.StopFromEnd && stop == 0)
        {
            stop = null; // ^0: to the end
        }

        return new TensorIndex(IndexKind.Slice, start, stop, step, unknown);
    }

    /// <summary>A bound's value (negated when it counts from the end); true when it is given but not known.</summary>
    private bool Bound(ForwardExpr? expression, bool fromEnd, out long? value)
    {
        value = null;
        if (expression is null)
        {
            return false;
        }

        var evaluated = Eval(expression);
        if (evaluated is SizeValue { Dim.IsKnown: true } size)
        {
            value = fromEnd ? -size.Dim.Value : size.Dim.Value;
            return false;
        }

        return evaluated is not NullValue;
    }
}
