using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

internal sealed partial class ShapeWalker
{
    /// <summary>What one member's walk on its own left, and what the forward passed it.</summary>
    private sealed class MemberSeed
    {
        public int RowStart;
        public int RowCount;
        public HashSet<(ShapeFailureKind Kind, string Layer)> Failures = new();
        public TensorShape? Observed;
        public bool Conflicting;

        /// <summary>
        /// What the calls in branches NetGen could not decide passed the member, all alike (else <see cref="SpeculativeConflicting"/>):
        /// not its rows, since such a branch may never run, but its omitted sizes, which matter only where it runs.
        /// </summary>
        public TensorShape? SpeculativeInput;
        public bool SpeculativeConflicting;

        /// <summary>Records the input of a call NetGen knows runs.</summary>
        public void Observe(TensorShape sample) => Record(ref Observed, ref Conflicting, sample);

        /// <summary>Records the input of a call in a branch NetGen could not decide.</summary>
        public void ObserveSpeculatively(TensorShape sample) => Record(ref SpeculativeInput, ref SpeculativeConflicting, sample);

        /// <summary>Records what an opaque member gave; a second, different output makes its calls conflicting too.</summary>
        public void ObserveOutput(TensorShape sample) => Record(ref ObservedOutput, ref Conflicting, sample);

        /// <summary>The first shape seen is kept; any other marks the shapes as conflicting.</summary>
        private static void Record(ref TensorShape? seen, ref bool conflicting, TensorShape sample)
        {
            if (seen is null)
            {
                seen = sample;
            }
            else if (!seen.Equals(sample))
            {
                conflicting = true;
            }
        }

        /// <summary>The one input every call passes, decided or not, if there is one: what the member's omitted sizes come from.</summary>
        public TensorShape? InputOfEveryCall =>
            Conflicting || SpeculativeConflicting ? null
            : Observed is null ? SpeculativeInput
            : SpeculativeInput is null || SpeculativeInput.Equals(Observed) ? Observed
            : null;

        /// <summary>For a module NetGen cannot walk into (a contract's, an LSTM its factory builds): what the forward got from it.</summary>
        public TensorShape? ObservedOutput;

        /// <summary>For a ModuleList field: what the forward passed each child it called, by position (one input each, or none).</summary>
        public Dictionary<int, TensorShape?> ObservedChildren = new();

        /// <summary>What the member alone could not check: said only if the forward never passes it a known input.</summary>
        public List<string> Notes = new();
    }

    /// <summary>Where the top model's hand-written forward stopped being followed, for the summary's note.</summary>
    public IReadOnlyList<string> ForwardStops => _forwardStops;

    private readonly List<string> _forwardStops = new();

    /// <summary>What the top-level forward walk went past without checking all of it, in the summary's words.</summary>
    public IReadOnlyList<string> ForwardCaveats => _forwardCaveats;

    private readonly List<string> _forwardCaveats = new();

    /// <summary>
    /// Set while a member call is walked with the whole tensor as its sample (PyTorch's unbatched reading): a hand-written
    /// forward reached in that walk receives the tensor as it is, without a batch dimension of its own in front.
    /// </summary>
    private bool _wholeTensor;

    /// <summary>
    /// A model whose forward is hand-written and read. Each member is first checked on its own (its state, and
    /// mistakes inside it, reported on its declaration); then the forward is followed (<see cref="ForwardInterpreter"/>),
    /// each member call walked with what the forward passes it, and mistakes of the wiring reported where the forward
    /// makes them. A member the forward calls once with a known input gets its summary rows from that input.
    /// </summary>
    private TensorShape WalkForward(ModelSpec model, ForwardSpec forward, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        // Called with a whole tensor (a member call read as one unbatched sample), the forward gets it as it is; its own member calls start afresh.
        var whole = _wholeTensor;
        _wholeTensor = false;
        try
        {
            return WalkForward(model, forward, env, input, scope, whole);
        }
        finally
        {
            _wholeTensor = whole;
        }
    }

    private TensorShape WalkForward(ModelSpec model, ForwardSpec forward, ShapeEnvironment env, TensorShape input, WalkScope scope, bool whole)
    {
        var seeds = SeedMembers(model, env, scope);
        var host = new ForwardHost(this, model, env, scope, seeds);
        var batch = Dim.Named(host.BatchSymbol);
        var received = whole ? input : TensorDims.Inserted(input, 0, batch);
        ForwardValue inputValue = input.IsRankKnown
            ? new TensorValue(received, ShapeChain.Start(received))
            : ForwardValue.Unknown(new ForwardTaint(scope.Top
                ? $"'{model.Name}' declares no input shape; add [Model(Input = [...])] to check its forward"
                // A block reached with an unknown input: what made it unknown has its own note, and the block's input shape does not matter here.
                : $"{scope.Prefix}: what {model.Name} receives there is not known, so its forward is not followed there", false, Standalone: true));
        var failures = _failures.Count;
        var result = new ForwardInterpreter(host).Run(forward, inputValue);
        if (scope.Top && !whole && input.IsRankKnown && _failures.Count == failures)
        {
            FollowAtProbeBatch(model, forward, env, input, scope, seeds);
        }

        foreach (var taint in result.Reached)
        {
            var note = taint.Standalone ? new BoundaryNote("", taint.Note)
                : scope.Top ? new BoundaryNote("", $"hand-written forward, {taint.Note}")
                : new BoundaryNote(scope.Prefix, $"{model.Name}'s hand-written forward, {taint.Note}");
            if (taint.Boundary && scope.OnForwardPath)
            {
                _boundary.Add(note);
            }
            else
            {
                _unchecked.Add(note.ToString());
            }

            if (scope.Top)
            {
                // A note that is neither a boundary nor a place the walk could not enter (the training flag's) stops nothing.
                (taint.Boundary || taint.Standalone ? _forwardStops : _forwardCaveats).Add(taint.Note);
            }
        }

        foreach (var seed in seeds.Where(s => s.Observed is null))
        {
            _unchecked.UnionWith(seed.Notes);
        }

        RowsFromTheForward(model, env, scope, seeds);
        if (scope.Top)
        {
            InferFromCallsInUndecidedBranches(model, env, scope, seeds);
        }

        return result.Output is TensorValue { Shape: { IsRankKnown: true, Rank: > 0 } shape } ? (whole ? shape : TensorDims.Without(shape, 0)) : TensorShape.UnknownRank;
    }

    /// <summary>Every member on its own, as for a forward NetGen cannot read, remembering each one's rows and failures.</summary>
    private List<MemberSeed> SeedMembers(ModelSpec model, ShapeEnvironment env, WalkScope scope)
    {
        var alone = scope with { OnForwardPath = false };
        var seeds = new List<MemberSeed>();
        for (var i = 0; i < model.Members.Count; i++)
        {
            var member = model.Members[i];
            var input = MemberSeeds.InputOf(member, env);
            if (scope.Top)
            {
                _chain = ShapeChain.Start(input);
            }

            var seed = new MemberSeed { RowStart = _rows.Count };
            var failures = _failures.Count;
            var notes = new SortedSet<string>(_unchecked, System.StringComparer.Ordinal);
            WalkMember(member, env, input, alone.ForMember(member, i));
            seed.RowCount = _rows.Count - seed.RowStart;
            seed.Notes = _unchecked.Where(n => !notes.Contains(n)).ToList();
            _unchecked.ExceptWith(seed.Notes);
            seed.Failures = new HashSet<(ShapeFailureKind, string)>(_failures.Skip(failures).Select(f => (f.Failure.Kind, f.Failure.Layer)));
            seeds.Add(seed);
        }

        return seeds;
    }

    /// <summary>The rows of each member called once with a known input, walked again from that input; the others keep their own.</summary>
    private void RowsFromTheForward(ModelSpec model, ShapeEnvironment env, WalkScope scope, List<MemberSeed> seeds)
    {
        if (seeds.Count == 0 || !seeds.Any(s => s.Observed is not null && !s.Conflicting || s.ObservedChildren.Count > 0))
        {
            return;
        }

        var rows = new List<SummaryRow>();
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            var own = _rows.GetRange(seed.RowStart, seed.RowCount);
            if (seed.Observed is null && model.Members[i].KnownChildrenAreModuleList && seed.ObservedChildren.Count > 0)
            {
                // A ModuleList's children are called one by one: each walked again from what the forward passed it.
                rows.AddRange(RowsOfModuleList(model.Members[i], env, scope.ForMember(model.Members[i], i) with { OnForwardPath = false }, seed, own));
                continue;
            }

            if (seed.Observed is not { } observed || seed.Conflicting)
            {
                rows.AddRange(own);
                continue;
            }

            if (seed.ObservedOutput is { } output && own.Count == 1)
            {
                rows.Add(own[0] with { OutputShape = SummaryShapes.Of(output) });
                continue;
            }

            var (walked, inferred, clean) = WalkAgain(model, i, env, observed, scope);
            rows.AddRange(clean ? walked : own);
            if (clean && scope.Top && seed.InputOfEveryCall is not null)
            {
                InferFromTheForward(model, inferred);
            }
        }

        var start = seeds[0].RowStart;
        _rows.RemoveRange(start, _rows.Count - start);
        _rows.AddRange(rows);
    }

    /// <summary>
    /// A member called only in branches NetGen could not decide (a flag hyperparameter, <c>downsample is not null</c> for a
    /// [When] member), each call with the same input: its omitted sizes come from that input. Nothing else is kept from the
    /// walk: the rows stay the member's own, as such a branch may never run.
    /// </summary>
    private void InferFromCallsInUndecidedBranches(ModelSpec model, ShapeEnvironment env, WalkScope scope, List<MemberSeed> seeds)
    {
        for (var i = 0; i < seeds.Count; i++)
        {
            // Only a member whose own walk left a size unknown has anything to gain from walking it again.
            var member = model.Members[i].Name;
            if (seeds[i].Observed is not null || seeds[i].InputOfEveryCall is not { } input || !_inferred.Any(a => a.Member == member && a.Value.IsAbsent))
            {
                continue;
            }

            var (_, inferred, clean) = WalkAgain(model, i, env, input, scope);
            if (clean)
            {
                InferFromTheForward(model, inferred);
            }
        }
    }

    /// <summary>Member <paramref name="index"/> walked from what the forward passed it, then taken back: its rows, the sizes it inferred, and whether it walked without a failure.</summary>
    private (List<SummaryRow> Rows, List<InferredArgument> Inferred, bool Clean) WalkAgain(ModelSpec model, int index, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        var mark = Save();
        WalkMember(model.Members[index], env, input, scope.ForMember(model.Members[index], index) with { OnForwardPath = false });
        var walked = (_rows.Skip(mark.Rows).ToList(), _inferred.Skip(mark.Inferred).ToList(), _failures.Count == mark.Failures);
        Restore(mark);
        return walked;
    }

    /// <summary>
    /// The sizes a member's omitted in_channels / in_features / num_features take from the one input the forward passes it,
    /// in place of what the member alone gave (nothing, where it starts with such a layer). Only a constant, one of the
    /// model's own size hyperparameters or a formula of them (<c>dim * 4</c>, from a layer's expression argument) is a value
    /// the constructor can use: a size the forward computes (the batch moved to another dimension, a length read at run
    /// time) stays not inferred, and NG0109 asks for it.
    /// </summary>
    private void InferFromTheForward(ModelSpec model, List<InferredArgument> fromTheForward)
    {
        bool IsSize(string name) => model.Parameters.Any(p => p.Name == name && ExprTypes.OfTypeName(p.TypeName) is ExprType.Int or ExprType.Long);
        foreach (var argument in fromTheForward.Where(a => a.Value.Kind == ArgKind.Int && a.Value.Int > 0
            || a.Value.Kind == ArgKind.Parameter && IsSize(a.Value.Text!)
            || a.Value.Kind == ArgKind.Expression && ExpressionText.Parse(a.Value.Text!) is { } formula && FiniteAssignments.NamesRead(formula).All(IsSize)))
        {
            _inferred.RemoveAll(a => a.Member == argument.Member && a.LayerIndex == argument.LayerIndex && a.Argument == argument.Argument);
            _inferred.Add(argument);
        }
    }

    /// <summary>The rows of a ModuleList field walked from the inputs the forward passed its children; its own where that fails.</summary>
    private List<SummaryRow> RowsOfModuleList(MemberSpec member, ShapeEnvironment env, WalkScope scope, MemberSeed seed, List<SummaryRow> own)
    {
        var inputs = member.KnownChildren.Select((_, i) => seed.ObservedChildren.TryGetValue(i, out var input) ? input ?? TensorShape.UnknownRank : TensorShape.UnknownRank).ToList();
        var mark = Save();
        WalkModuleList(member.KnownChildren, scope.PathOf(member.Name), env, scope, inputs);
        var walked = _rows.Skip(mark.Rows).ToList();
        var clean = _failures.Count == mark.Failures;
        Restore(mark);
        return clean ? walked : own;
    }

    /// <summary>Walks with the whole tensor as the sample (see <see cref="_wholeTensor"/>).</summary>
    private TensorShape WalkWhole(System.Func<TensorShape> walk)
    {
        var outer = _wholeTensor;
        _wholeTensor = true;
        try
        {
            return walk();
        }
        finally
        {
            _wholeTensor = outer;
        }
    }

    /// <summary>A probe: walks as usual, then takes back everything but the notes, returning the output and the failures.</summary>
    private (TensorShape Output, List<ShapeFailure> Failures) Probe(System.Func<TensorShape> walk)
    {
        var mark = Save();
        var output = walk();
        var failures = _failures.Skip(mark.Failures).Select(f => f.Failure).ToList();
        Restore(mark);
        return (output, failures);
    }

    private readonly record struct Mark(int Rows, int Failures, int State, int Inferred, int Opaque, int AfterError, int Steps, ShapeChain Chain);

    private Mark Save() => new(_rows.Count, _failures.Count, _state.Count, _inferred.Count, _opaquePrefixes.Count, _unknownAfterError.Count, _steps, _chain);

    private void Restore(Mark mark)
    {
        _rows.RemoveRange(mark.Rows, _rows.Count - mark.Rows);
        _failures.RemoveRange(mark.Failures, _failures.Count - mark.Failures);
        _state.RemoveRange(mark.State, _state.Count - mark.State);
        _inferred.RemoveRange(mark.Inferred, _inferred.Count - mark.Inferred);
        _opaquePrefixes.RemoveRange(mark.Opaque, _opaquePrefixes.Count - mark.Opaque);
        _unknownAfterError.RemoveRange(mark.AfterError, _unknownAfterError.Count - mark.AfterError);
        _steps = mark.Steps;
        _chain = mark.Chain;
    }

    /// <summary>A failure in a hand-written forward: where the forward makes it (or the use site of the block it is in), with the forward's chain.</summary>
    private void FailInForward(ShapeFailure failure, LocationInfo? location, WalkScope scope, ShapeChain? chain) =>
        _failures.Add(new WalkFailure(failure, scope.UseSite ?? location, chain?.Format(ChainSteps) ?? "", scope.BlockName, scope.UseSite is null ? null : location));
}
