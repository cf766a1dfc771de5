using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>What following a hand-written forward gave: what it returns, and where it met what NetGen does not model.</summary>
/// <param name="Reached">The taints that reached a check or the result: where checking stopped, in the order met.</param>
internal sealed record ForwardResult(ForwardValue Output, IReadOnlyList<ForwardTaint> Reached);

/// <summary>
/// Follows the tensors of a hand-written forward statement by statement (an abstract interpreter over
/// <see cref="ForwardSpec"/>): locals, branches, loops it can count, returns. Operations go to the shape
/// library; members go to the walk, through <see cref="IForwardHost"/>. A branch whose condition is not known is
/// followed both ways <em>speculatively</em>: what fails there is not reported, since that branch may never run.
/// Unknown values never fail a check. This file holds the statements; the partial files hold expressions and
/// operations.
/// </summary>
internal sealed partial class ForwardInterpreter
{
    /// <summary>How many expressions one forward may take to follow (unrolled loops count each time).</summary>
    public const int MaxSteps = 100_000;

    /// <summary>The most iterations of one loop followed one by one; a longer loop is followed as one whose count is not known.</summary>
    public const int MaxIterations = 4_096;

    private readonly IForwardHost _host;
    private readonly List<ForwardValue> _returns = new();
    private readonly List<ForwardTaint> _reached = new();
    private ForwardState _state = new(new Dictionary<string, ForwardValue>());
    private IReadOnlyList<ForwardValue> _inputs = new[] { ForwardValue.Unknown() };
    private Dictionary<string, HelperSpec> _helpers = new(System.StringComparer.Ordinal);
    private int _depth;
    private bool _alive = true;
    private int _speculative;
    private int _steps;

    public ForwardInterpreter(IForwardHost host) => _host = host;

    private bool Speculative => _speculative > 0;

    public ForwardResult Run(ForwardSpec forward, ForwardValue input)
    {
        _inputs = new[] { input };
        _helpers = forward.Helpers.ToDictionary(h => h.Key, System.StringComparer.Ordinal);
        try
        {
            Execute(forward.Body);
        }
        catch (TooLongException)
        {
            var taint = new ForwardTaint($"the forward takes more than {MaxSteps.ToString("N0", CultureInfo.InvariantCulture)} steps to follow", true);
            _returns.Clear();
            _returns.Add(ForwardValue.Unknown(taint));
        }

        var output = _returns.Count == 0 ? ForwardValue.Unknown() : _returns.Aggregate(ForwardJoin.Values);
        Use(output);
        return new ForwardResult(output, _reached);
    }

    private void Execute(EquatableArray<ForwardStatement> body)
    {
        foreach (var statement in body)
        {
            if (!_alive)
            {
                return;
            }

            Execute(statement);
        }
    }

    private void Execute(ForwardStatement statement)
    {
        switch (statement)
        {
            case AssignStatement assign:
                _state.Locals[assign.Local] = Eval(assign.Value);
                break;
            case DeconstructStatement deconstruct:
                Deconstruct(deconstruct);
                break;
            case EvaluateStatement evaluate:
                Eval(evaluate.Value);
                break;
            case ReturnStatement returned:
                _returns.Add(returned.Value is null ? ForwardValue.Unknown() : Eval(returned.Value));
                _alive = false;
                break;
            case ThrowStatement:
                _alive = false;
                break;
            case IfStatement branch:
                Branch(Eval(branch.Condition), () => Execute(branch.Then), () => Execute(branch.Else));
                break;
            case ForEachStatement loop:
                ForEach(loop);
                break;
            case ForStatement loop:
                For(loop);
                break;
            case OpaqueLoopStatement loop:
                OpaqueLoop(loop.Body, loop.Writes, Taint(loop.Location, loop.Why));
                break;
            case UnknownStatement unknown:
                Havoc(unknown.Writes, Taint(unknown.Location, unknown.Why));
                break;
        }
    }

    private void Deconstruct(DeconstructStatement deconstruct)
    {
        var value = Eval(deconstruct.Value);
        for (var i = 0; i < deconstruct.Locals.Count; i++)
        {
            if (deconstruct.Locals[i].Length > 0)
            {
                _state.Locals[deconstruct.Locals[i]] = value is TupleValue tuple ? tuple.Item(i) : ForwardValue.Unknown(value.Taint);
            }
        }
    }

    /// <summary>
    /// An <c>if</c> (or <c>?:</c>): a known condition runs one branch; an unknown one runs both, speculatively,
    /// and joins what they leave. A branch that returns or throws leaves nothing to join.
    /// </summary>
    private void Branch(ForwardValue condition, System.Action whenTrue, System.Action whenFalse)
    {
        Use(condition);
        if (condition is FlagValue { Value: { } known })
        {
            (known ? whenTrue : whenFalse)();
            return;
        }

        var before = _state;
        _speculative++;
        _state = before.Copy();
        whenTrue();
        var (afterTrue, aliveTrue) = (_state, _alive);
        _state = before.Copy();
        _alive = true;
        whenFalse();
        var (afterFalse, aliveFalse) = (_state, _alive);
        _speculative--;

        _alive = aliveTrue || aliveFalse;
        before.Become(aliveTrue && aliveFalse ? ForwardState.Join(afterTrue, afterFalse) : aliveTrue ? afterTrue : afterFalse);
        _state = before;
    }

    private void ForEach(ForEachStatement loop)
    {
        var collection = AsCollection(Eval(loop.Collection));
        Use(collection);
        if (collection is ListRef { List.Items: { } items } && items.Count <= MaxIterations)
        {
            foreach (var item in items.ToList())
            {
                _state.Locals[loop.Local] = item;
                Execute(loop.Body);
                if (!_alive)
                {
                    return;
                }
            }

            return;
        }

        var element = collection is ListRef reference ? reference.List.Any() : ForwardValue.Unknown(collection.Taint);
        var taint = collection.Taint ?? Taint(loop.Location, "a foreach loop over a collection whose length is not known");
        OpaqueLoop(loop.Body, ForwardWrites.Of(loop.Body).Append(loop.Local).ToEquatableArray(), taint, loop.Local, element);
    }

    private void For(ForStatement loop)
    {
        var start = Eval(loop.Start);
        var end = Eval(loop.End);
        var step = Eval(loop.Step);
        if (start is SizeValue { Dim.IsKnown: true } first && end is SizeValue { Dim.IsKnown: true } last && step is SizeValue { Dim.IsKnown: true } by && by.Dim.Value > 0)
        {
            var stop = loop.Inclusive ? last.Dim.Value + 1 : last.Dim.Value;
            if ((stop - first.Dim.Value) / by.Dim.Value <= MaxIterations)
            {
                for (var i = first.Dim.Value; i < stop; i += by.Dim.Value)
                {
                    _state.Locals[loop.Local] = new SizeValue(Dim.Of(i));
                    Execute(loop.Body);
                    if (!_alive)
                    {
                        return;
                    }
                }

                return;
            }
        }

        var taint = start.Taint ?? end.Taint ?? step.Taint ?? Taint(loop.Location, "a for loop whose count is not known");
        OpaqueLoop(loop.Body, ForwardWrites.Of(loop.Body).Append(loop.Local).ToEquatableArray(), taint, loop.Local, new SizeValue(Dim.Unknown));
    }

    /// <summary>
    /// A loop that cannot be counted: what it writes is unknown before and after it, and its body is followed once,
    /// speculatively, so what holds whatever the iteration is still checked for later code.
    /// </summary>
    private void OpaqueLoop(EquatableArray<ForwardStatement> body, EquatableArray<string> writes, ForwardTaint taint, string? variable = null, ForwardValue? element = null)
    {
        Havoc(writes, taint);
        var before = _state;
        _state = before.Copy();
        if (variable is not null)
        {
            _state.Locals[variable] = element ?? ForwardValue.Unknown(taint);
        }

        _speculative++;
        Execute(body);
        _speculative--;
        _alive = true;
        _state = before;
        Havoc(writes, taint);
    }

    /// <summary>The locals something unmodelled may have changed: unknown from now on (a list forgets its contents).</summary>
    private void Havoc(IEnumerable<string> locals, ForwardTaint taint)
    {
        foreach (var name in locals)
        {
            if (_state.Locals.TryGetValue(name, out var value) && value is ListRef list)
            {
                list.List.Forget(taint);
            }
            else
            {
                _state.Locals[name] = ForwardValue.Unknown(taint);
            }
        }
    }

    /// <summary>A module used as a collection (a ModuleList in <c>foreach</c>, <c>layers[i]</c>, <c>layers.Count</c>) is its children.</summary>
    private ForwardValue AsCollection(ForwardValue value) => value is ModuleValue module ? _host.Children(module) : value;

    /// <summary>Marks a value as consumed by a check or by the result: if it is unknown because of something unmodelled, checking stopped there.</summary>
    private void Use(ForwardValue value)
    {
        var taint = value is ListRef list ? value.Taint ?? list.List.Taint ?? list.List.Any().Taint : value.Taint;
        if (taint is not null && !_reached.Contains(taint))
        {
            _reached.Add(taint);
        }
    }

    internal ForwardTaint TaintAt(LocationInfo? location, string why) => Taint(location, why);

    private ForwardTaint Taint(LocationInfo? location, string why) =>
        new($"line {Line(location)}: {why}", true);

    private static string Line(LocationInfo? location) =>
        location is null ? "?" : (location.LineSpan.Start.Line + 1).ToString(CultureInfo.InvariantCulture);

    private void Step()
    {
        if (++_steps > MaxSteps)
        {
            throw new TooLongException();
        }
    }

    /// <summary>Stops a forward that would take too long to follow (a loop unrolled past the budget).</summary>
    private sealed class TooLongException : System.Exception
    {
    }
}
