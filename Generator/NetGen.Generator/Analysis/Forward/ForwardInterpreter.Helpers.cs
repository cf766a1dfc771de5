using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Analysis;

/// <summary>A call of one of the model's own methods (<see cref="HelperSpec"/>): followed into its body, with the caller's budget.</summary>
internal sealed partial class ForwardInterpreter
{
    /// <summary>How deep helpers may call helpers. The reader leaves out recursion, so this only bounds a long chain.</summary>
    public const int MaxHelperDepth = 16;

    private ForwardValue CallHelper(HelperCallExpr call)
    {
        var args = call.Args.Select(Eval).ToList();
        if (!_helpers.TryGetValue(call.Helper, out var helper))
        {
            return ForwardValue.Unknown(Taint(call.Location, $"a call of {Shown(call)}"));
        }

        if (_depth >= MaxHelperDepth)
        {
            return ForwardValue.Unknown(Taint(call.Location, $"a call of {Shown(call)} nested more than {MaxHelperDepth} deep"));
        }

        foreach (var changed in helper.ChangedInPlace.Where(i => i < call.Args.Count))
        {
            if (call.Args[changed] is LocalRef local)
            {
                Havoc(new[] { local.Name }, Taint(call.Location, $"{Shown(call)} changes '{local.Name}' in place"));
            }
        }

        // The callee runs in its own locals, as C# does; what it fails is reported where it fails, unless this call may never run.
        var callee = new ForwardInterpreter(_host)
        {
            _inputs = args,
            _helpers = _helpers,
            _depth = _depth + 1,
            _speculative = _speculative,
            _steps = _steps,
        };
        try
        {
            callee.Execute(helper.Body.Body);
        }
        finally
        {
            _steps = callee._steps;
            foreach (var taint in callee._reached.Where(t => !_reached.Contains(t)))
            {
                _reached.Add(taint);
            }
        }

        return callee._returns.Count == 0 ? ForwardValue.Unknown() : callee._returns.Aggregate(ForwardJoin.Values);
    }

    /// <summary>The method's name without its parameter types, as a note shows it.</summary>
    private static string Shown(HelperCallExpr call) => call.Helper.Substring(0, call.Helper.IndexOf('(') is var open and >= 0 ? open : call.Helper.Length);
}
