using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// Runs a model's forward structure through the shape library, in the order the generated forward runs
/// it: members, branch groups, blocks and repeated stages (recursively, with their hyperparameters bound
/// at the use site) and the residual add. A model with a hand-written forward is followed through its forward
/// (<see cref="WalkForward"/>), or, where NetGen cannot read the forward, each member is checked on its own. A module NetGen cannot see into passes on what its shape contract
/// says, or an unknown shape. The walk collects failures, the sizes it inferred for omitted arguments,
/// summary rows and state entries, and notes where it could not check. Its work is bounded: blocks that
/// contain themselves are refused, blocks nest at most <see cref="MaxNesting"/> deep (so the recursion is
/// bounded whatever the declarations say), and it stops after <see cref="MaxSteps"/> layers and blocks. Both
/// limits are errors (NG0020): past them the summary and the typed keys would be incomplete.
/// </summary>
internal sealed partial class ShapeWalker
{
    /// <summary>
    /// The most layers and blocks one walk visits: five times ResNet-1001's. Long stages of identical blocks
    /// count two blocks each (<see cref="RepeatLimits.UnrolledBlocks"/>), so only distinct layers use it up.
    /// </summary>
    public const int MaxSteps = 20_000;

    /// <summary>
    /// How many blocks deep the walk follows blocks inside blocks: it recurses a few KB of stack per level, and
    /// real networks nest a handful (ResNet: model → stage → block → Sequential).
    /// </summary>
    public const int MaxNesting = 32;

    private const int ChainSteps = 6;
    private readonly ModelCatalog _catalog;
    private readonly List<WalkFailure> _failures = new();
    private readonly List<InferredArgument> _inferred = new();
    private readonly List<SummaryRow> _rows = new();
    private readonly SortedSet<string> _unchecked = new(StringComparer.Ordinal);
    private readonly SortedSet<BoundaryNote> _boundary = new(BoundaryNote.ByText);
    private readonly List<string> _opaquePrefixes = new();
    private readonly List<(ImmutableArray<int> Order, StateEntrySpec Entry)> _state = new();
    private readonly List<string> _active = new();
    private int _steps;
    private ShapeChain _chain = ShapeChain.Start(TensorShape.UnknownRank);

    public ShapeWalker(ModelCatalog catalog) => _catalog = catalog;

    public IReadOnlyList<WalkFailure> Failures => _failures;

    public IReadOnlyList<InferredArgument> Inferred => _inferred;

    public IReadOnlyList<SummaryRow> Rows => _rows;

    public IReadOnlyCollection<string> Unchecked => _unchecked;

    /// <summary>Where checking stopped at NetGen's boundary: an opaque member without a contract, a hand-written forward.</summary>
    public IReadOnlyCollection<BoundaryNote> Boundary => _boundary;

    /// <summary>The analysed model's members whose state is known only at run time.</summary>
    public IReadOnlyList<string> OpaquePrefixes => _opaquePrefixes;

    /// <summary>The state entries met, in PyTorch's state_dict order: a module's own parameters, then each child in registration order.</summary>
    public IEnumerable<StateEntrySpec> StateEntries =>
        _state.OrderBy(e => e.Order, OrderComparer.Instance).Select(e => e.Entry);

    /// <summary>Walks <paramref name="model"/> as the top of the analysis: its own omitted sizes are inferred.</summary>
    public TensorShape WalkTop(ModelSpec model, ShapeEnvironment env, TensorShape input)
    {
        _chain = ShapeChain.Start(input);
        _active.Add(model.FullyQualifiedName);
        var output = WalkModel(model, env, input, WalkScope.Root);
        _active.RemoveAt(_active.Count - 1);
        return output;
    }

    private TensorShape WalkModel(ModelSpec model, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        if (model.DeclaresForward && model.Forward is { } forward)
        {
            return WalkForward(model, forward, env, input, scope);
        }

        if (model.DeclaresForward)
        {
            // A forward NetGen could not read (or one from another assembly, whose descriptor does not carry it).
            WalkMembersAlone(model, env, scope);
            if (scope.OnForwardPath)
            {
                _boundary.Add(scope.Top ? new BoundaryNote("", "hand-written forward") : new BoundaryNote(scope.Prefix, $"{model.Name} has a hand-written forward"));
            }

            return TensorShape.UnknownRank;
        }

        var shortcut = model.Residual?.ShortcutMember;
        var main = model.Members.Where(m => m.Name != shortcut).ToList();
        var failuresBefore = _failures.Count;
        var output = WalkPath(model, main, env, input, scope);
        if (model.Gate is not null)
        {
            // After a mistake inside the gate's path the multiply would only repeat it: the walk goes on with the
            // input's shape, which a correct gate keeps.
            output = _failures.Count == failuresBefore ? WalkGate(model, main, input, output, scope) : input;
        }

        if (model.Residual is { } residual && (residual.When is null || env.Flag(residual.When) != false))
        {
            if (residual.When is not null && env.Flag(residual.When) is null)
            {
                _unchecked.Add($"{model.Name}: the residual add depends on '{residual.When}'");
                return output;
            }

            var shortcutMember = model.Member(shortcut);
            var identity = input;
            if (shortcutMember is not null)
            {
                identity = WalkMember(shortcutMember, env, input, scope.ForMember(shortcutMember, IndexOf(model, shortcutMember)));
                if (shortcutMember.WhenParameter is not null && env.Flag(shortcutMember.WhenParameter) is null)
                {
                    _unchecked.Add($"{model.Name}: whether '{shortcutMember.Name}' exists depends on '{shortcutMember.WhenParameter}'");
                    return TensorShape.UnknownRank;
                }
            }

            var added = Guarded(scope.PathOf("add"), () => MergeShapes.Add(scope.PathOf("add"), output, identity));
            if (added.Failure is { } failure)
            {
                Fail(failure, shortcutMember?.Location ?? model.Location, scope, shortcutMember?.Location ?? model.Location);
                return output;
            }

            output = added.Shape!;
        }

        return output;
    }

    /// <summary>A hand-written forward: every member on its own, from what it declares it takes (see <see cref="MemberSeeds"/>).</summary>
    private void WalkMembersAlone(ModelSpec model, ShapeEnvironment env, WalkScope scope)
    {
        var alone = scope with { OnForwardPath = false };
        for (var i = 0; i < model.Members.Count; i++)
        {
            var member = model.Members[i];
            var input = MemberSeeds.InputOf(member, env);
            if (scope.Top)
            {
                _chain = ShapeChain.Start(input);
            }

            WalkMember(member, env, input, alone.ForMember(member, i));
        }
    }

    private TensorShape WalkPath(ModelSpec model, IReadOnlyList<MemberSpec> members, ShapeEnvironment env, TensorShape input, WalkScope scope) =>
        WalkRange(model, members, 0, members.Count, env, input, scope, spanStart: -1);

    /// <summary>Members <paramref name="from"/> to <paramref name="to"/> (exclusive); the residual span starting at <paramref name="spanStart"/> is the caller's.</summary>
    private TensorShape WalkRange(ModelSpec model, IReadOnlyList<MemberSpec> members, int from, int to, ShapeEnvironment env, TensorShape input, WalkScope scope, int spanStart)
    {
        var current = input;
        for (var i = from; i < to; i++)
        {
            if (members[i].Residual is { } span && i != spanStart && span.EndIn(members, i) is var end and >= 0 && end < to)
            {
                current = WalkResidualSpan(model, members, i, end, span, env, current, scope);
                i = end;
                continue;
            }

            if (!members[i].IsOnGeneratedPath)
            {
                // Registered with the model, but no generated forward calls them. An auxiliary module is checked from what it
                // declares it takes, as a member of a hand-written forward is.
                var seed = members[i].IsAuxiliary ? MemberSeeds.InputOf(members[i], env) : TensorShape.UnknownRank;
                WalkMember(members[i], env, seed, scope.ForMember(members[i], IndexOf(model, members[i])) with { OnForwardPath = false });
                continue;
            }

            if (members[i].BranchDim is { } dim)
            {
                var branches = BranchGroups.At(members, i, to);
                var group = branches.Select(b => members[b.First]).ToList();
                var outputs = branches.All(b => b.First == b.Last)
                    ? WalkBranchGroup(model, group, env, current, scope)
                    : branches.Select(b => WalkBranchSpan(model, members, b.First, b.Last, env, current, scope)).ToList();
                var name = scope.PathOf(string.Join("+", group.Select(m => m.Name)));
                var concatenated = Guarded(name, () => MergeShapes.Concat(name, outputs, dim));
                if (concatenated.Failure is { } failure)
                {
                    Fail(failure, group[group.Count - 1].Location, scope, group[group.Count - 1].Location);
                    current = TensorShape.UnknownRank;
                }
                else
                {
                    current = concatenated.Shape!;
                    Chain(scope, "cat", current);
                }

                i = branches[branches.Count - 1].Last;
                continue;
            }

            current = WalkMember(members[i], env, current, scope.ForMember(members[i], IndexOf(model, members[i])));
        }

        return current;
    }

    private static int IndexOf(ModelSpec model, MemberSpec member) => model.Members.AsImmutableArray().IndexOf(member);

    private TensorShape WalkMember(MemberSpec member, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        if (member.WhenParameter is { } condition)
        {
            var present = env.Flag(condition);
            if (present == false)
            {
                return input;
            }

            if (present is null)
            {
                // Walked anyway, so its state entries are known; its output is not.
                _unchecked.Add($"whether '{member.Name}' exists depends on '{condition}'");
                WalkMember(member with { WhenParameter = null }, env, input, scope);
                return TensorShape.UnknownRank;
            }
        }

        var path = scope.PathOf(member.Name);
        switch (member.Kind)
        {
            case MemberKind.Layer:
                var current = input;
                for (var i = 0; i < member.Layers.Count; i++)
                {
                    var isModule = i == member.ModuleIndex;
                    current = WalkLayer(member.Layers[i], isModule ? path : FunctionalName(member.Layers[i]), env, current, scope, isModule ? member.Name : null, i, isModule);
                }

                return current;
            case MemberKind.Sequential when member.IsBuiltChildByChild:
                return WalkBuiltSequential(member, path, env, input, scope);
            case MemberKind.Sequential:
                return WalkSequence(member.Layers, path, env, input, scope, member.Name);
            case MemberKind.Block:
                var y = _catalog.Find(member.TypeName) is null
                    ? WalkOpaque(member, path, env, input, scope)
                    : WalkBlock(member.TypeName, member.BlockArgs, path, env, input, scope, member.Location);
                foreach (var op in member.Layers)
                {
                    y = WalkLayer(op, FunctionalName(op), env, y, scope, null, -1, false);
                }

                return y;
            case MemberKind.Repeat when !member.Choices.IsEmpty:
                return WalkChoice(member, path, env, input, scope);
            case MemberKind.Repeat:
                return WalkRepeat(member, path, env, input, scope);
            case MemberKind.Parameter:
                var parameter = WalkParameter(member, path, env, scope);
                return member.Use is { } use && scope.OnForwardPath ? WalkParameterUse(member, use, path, parameter, input, scope) : input;
            case MemberKind.Field when KnownField(member, path, env) is { } layer:
                return WalkLayer(layer, path, env, input, scope, null, -1, true);
            case MemberKind.Field when member.IsParameterField && !member.ParameterShape.IsEmpty:
                WalkParameter(member, path, env, scope);
                return input;
            case MemberKind.Field when member.KnownChildrenAreModuleList:
                return WalkModuleList(member.KnownChildren, path, env, scope);
            case MemberKind.Field when !member.KnownChildren.IsEmpty:
                return WalkSequence(member.KnownChildren, path, env, input, scope, null);
            default:
                return WalkOpaque(member, path, env, input, scope);
        }
    }

    /// <summary>
    /// The layers of a Sequential in order, each a child row under the Sequential's own. <paramref name="member"/> names the
    /// member whose layers these are, for size inference; null for a field's, whose sizes its initializer gave.
    /// </summary>
    private TensorShape WalkSequence(EquatableArray<LayerSpec> layers, string path, ShapeEnvironment env, TensorShape input, WalkScope scope, string? member)
    {
        var x = input;
        var before = _rows.Count;
        for (var i = 0; i < layers.Count; i++)
        {
            x = WalkLayer(layers[i], path + "." + layers[i].KeyAt(i), env, x, scope.Inside(i), member, i, true);
        }

        _rows.Insert(before, Row(path, "Sequential", scope.Depth, x, _rows.Skip(before).Where(r => r.Depth == scope.Depth + 1)));
        return x;
    }

    /// <summary>
    /// The children of a ModuleList field, each a row under the list's own. Nothing chains them (the forward calls each as
    /// it chooses, and what it passes shows in the forward's own check), so each is walked on its own: from what the
    /// forward passed it (<paramref name="inputs"/>, for the summary's rows), else from an input this walk does not know.
    /// The list itself gives no tensor.
    /// </summary>
    private TensorShape WalkModuleList(EquatableArray<LayerSpec> children, string path, ShapeEnvironment env, WalkScope scope, IReadOnlyList<TensorShape>? inputs = null)
    {
        var before = _rows.Count;
        for (var i = 0; i < children.Count; i++)
        {
            var input = inputs is not null && i < inputs.Count ? inputs[i] : TensorShape.UnknownRank;
            WalkLayer(children[i], path + "." + children[i].KeyAt(i), env, input, scope.Inside(i), null, i, true);
        }

        _rows.Insert(before, Row(path, "ModuleList", scope.Depth, TensorShape.UnknownRank, _rows.Skip(before).Where(r => r.Depth == scope.Depth + 1)));
        return TensorShape.UnknownRank;
    }

    /// <summary>
    /// A field's known layer (<see cref="MemberSpec.KnownLayer"/>): the layer its initializer builds, or, where the
    /// initializer was not read, the layer its type is if that rule keeps the shape whatever the initializer passes
    /// (elementwise, with no dim to check and no limit on the rank). Any other rule may depend on those arguments, so
    /// then the field stays opaque.
    /// </summary>
    private static LayerSpec? KnownField(MemberSpec member, string path, ShapeEnvironment env) =>
        member.KnownLayer is { } layer
        && (member.KnownLayerHasArguments || ShapeSpecBuilder.Build(layer, path, env) is ElementwiseSpec { SoftmaxDim: null, MinSampleRank: 0, MaxSampleRank: int.MaxValue })
            ? layer
            : null;

    /// <summary>A learnable tensor of the model itself: an own entry (before the children's) and a row.</summary>
    private TensorShape WalkParameter(MemberSpec member, string path, ShapeEnvironment env, WalkScope scope)
    {
        var shape = member.ParameterShape.Select(env.Size).ToEquatableArray();
        var own = scope with { Order = scope.Order.RemoveAt(scope.Order.Length - 1) };
        _state.Add((own.Order, new StateEntrySpec(path, shape, "Float32", false, scope.Member, scope.Certain)));
        var elements = Counting.Product(shape.Select(d => d.TryGetValue(out var v) ? v : -1));
        if (elements < 0 && shape.All(d => d.IsKnown))
        {
            Fail(TooManyElements(path, TensorShape.Of(shape)), member.Location, scope, member.Location);
        }

        _rows.Add(new SummaryRow(path, "Parameter", scope.Depth, SummaryShapes.Of(TensorShape.Of(shape)), elements, 0));
        return TensorShape.Of(shape);
    }

    /// <summary>
    /// A module NetGen cannot see into: its contract, if declared, is checked against what arrives and gives
    /// what leaves; without one, nothing after it is known. Its entries are read from the module at run time.
    /// </summary>
    private TensorShape WalkOpaque(MemberSpec member, string path, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        var label = TypeLabel(member.TypeName);
        TensorShape output;
        if (member.Contract is { } contract)
        {
            var result = Guarded(path, () => ContractShapes.Apply(contract, path, input, env));
            if (result.Failure is { } failure)
            {
                Fail(failure, contract.Location ?? member.Location, scope, contract.Location ?? member.Location);
            }

            output = result.Shape ?? TensorShape.UnknownRank;
        }
        else
        {
            output = TensorShape.UnknownRank;
            if (scope.OnForwardPath)
            {
                _boundary.Add(Unreadable(member.TypeName) ?? new BoundaryNote(path, $"{label} without [Contract]"));
            }
        }

        if (scope.Top)
        {
            _opaquePrefixes.Add(path);
        }

        _rows.Add(new SummaryRow(path, label, scope.Depth, SummaryShapes.Of(output), -1, -1));
        Chain(scope, path, output);
        return output;
    }

    private TensorShape WalkBlock(string typeName, EquatableArray<ArgValue> args, string path, ShapeEnvironment env, TensorShape input, WalkScope scope, LocationInfo? useSite)
    {
        var block = _catalog.Find(typeName);
        var typeLabel = TypeLabel(typeName);
        if (block is null)
        {
            if (Unreadable(typeName) is { } unreadable)
            {
                _boundary.Add(unreadable);
            }
            else
            {
                _unchecked.Add($"{path}: '{typeLabel}' is not a NetGen model, so its shapes are not known");
            }

            _rows.Add(new SummaryRow(path, typeLabel, scope.Depth, null, -1, -1));
            return TensorShape.UnknownRank;
        }

        if (_active.Contains(block.FullyQualifiedName))
        {
            var cycle = string.Join(" → ", _active.Select(TypeLabel).Concat(new[] { typeLabel }));
            _failures.Add(new WalkFailure(new ShapeFailure(ShapeFailureKind.BlockCycle, path, cycle, "", ""), scope.UseSite ?? useSite, "", null, null));
            return TensorShape.UnknownRank;
        }

        if (_active.Count > MaxNesting)
        {
            // Refused rather than followed: the walk recurses once per level, and no real network nests this deep.
            var chain = string.Join(" → ", _active.Take(3).Select(TypeLabel)) + " → … → " + string.Join(" → ", _active.Skip(_active.Count - 2).Select(TypeLabel).Append(typeLabel));
            _failures.Add(new WalkFailure(new ShapeFailure(ShapeFailureKind.TooLarge, path,
                $"nests blocks inside blocks more than {MaxNesting} levels deep ({chain})",
                $"NetGen follows at most {MaxNesting} levels, so flatten the structure (make some blocks members of one model)", ""),
                scope.UseSite ?? useSite, "", null, null));
            return TensorShape.UnknownRank;
        }

        if (!Spend(path, scope, useSite))
        {
            return TensorShape.UnknownRank;
        }

        var before = _rows.Count;
        var blockScope = new WalkScope(path, scope.Depth + 1, Top: false, UseSite: scope.UseSite ?? useSite, BlockName: scope.BlockName ?? path, scope.Order, scope.Member, scope.Certain, scope.OnForwardPath);
        _active.Add(block.FullyQualifiedName);
        var output = WalkModel(block, ShapeEnvironment.ForUse(block, args, env), input, blockScope);
        _active.RemoveAt(_active.Count - 1);
        _rows.Insert(before, Row(path, typeLabel, scope.Depth, output, _rows.Skip(before).Where(r => r.Depth == scope.Depth + 1)));
        Chain(scope, path, output);
        return output;
    }

    private TensorShape WalkLayer(LayerSpec layer, string name, ShapeEnvironment env, TensorShape input, WalkScope scope, string? member, int index, bool isModule)
    {
        if (layer.Dense is not null)
        {
            return WalkDense(layer, name, env, input, scope);
        }

        if (layer.Kind == LayerKind.Sequential)
        {
            return WalkSequence(layer.Children, name, env, input, scope, null);
        }

        if (layer.Kind == LayerKind.Block)
        {
            return _catalog.Find(layer.BlockType!) is null
                ? WalkOpaqueChild(layer, name, scope)
                : WalkBlock(layer.BlockType!, layer.BlockArgs, name, env, input, scope, layer.Location);
        }

        if (!Spend(name, scope, layer.Location))
        {
            return TensorShape.UnknownRank;
        }

        var spec = ShapeSpecBuilder.Build(layer, name, env);
        if (spec is null)
        {
            return TensorShape.UnknownRank;
        }

        var result = Infer(spec, input);
        var output = result.Shape;
        if (result.Failure is null && output is not null && Overflows(output))
        {
            result = ShapeResult.Fail(ShapeFailureKind.Overflow, spec.Name, TooManyElements($"{spec.Name}: its output", output).Message, "at most 2^63 − 1 elements", "more");
            output = null;
        }

        if (result.Failure is { } failure)
        {
            Fail(failure, FailureLocation(layer, failure), scope, FailureLocation(layer, failure));
            // Go on as if the layer had received what it declares, so one mistake does not hide the next.
            output = Recovery.AsDeclared(spec, input, failure) is { } declared ? Infer(spec, declared).Shape : null;
        }
        else
        {
            foreach (var note in result.Unchecked)
            {
                _unchecked.Add(note);
            }
        }

        if (scope.Top && member is not null)
        {
            Infer(layer, member, index, input, scope.OnForwardPath);
        }

        if (isModule)
        {
            var entries = StateEntrySpecs.Of(layer, name, input, env, scope.Member, scope.Certain).ToList();
            if (result.Failure is null && entries.FirstOrDefault(e => Overflows(TensorShape.Of(e.Shape))) is { } huge)
            {
                Fail(TooManyElements(huge.Key, TensorShape.Of(huge.Shape)), layer.Location, scope, layer.Location);
            }

            foreach (var entry in entries)
            {
                _state.Add((scope.Order, entry));
            }

            _rows.Add(new SummaryRow(name, layer.Kind.ToString(), scope.Depth, output is null ? null : SummaryShapes.Of(output),
                LayerCosts.Parameters(entries), LayerCosts.MultAdds(layer, input, output ?? TensorShape.UnknownRank, env)));
        }

        if (output is not null && spec is not ElementwiseSpec)
        {
            Chain(scope, ShapeLabels.Describe(spec), output);
        }

        return output ?? TensorShape.UnknownRank;
    }

    /// <summary>A <c>[Block&lt;T&gt;]</c> child of a Sequential whose type is not a NetGen model.</summary>
    private TensorShape WalkOpaqueChild(LayerSpec layer, string name, WalkScope scope)
    {
        var label = TypeLabel(layer.BlockType!);
        if (scope.OnForwardPath)
        {
            _boundary.Add(Unreadable(layer.BlockType!) ?? new BoundaryNote(name, $"{label} is not a NetGen model"));
        }

        _rows.Add(new SummaryRow(name, label, scope.Depth, null, -1, -1));
        return TensorShape.UnknownRank;
    }

    /// <summary>
    /// The boundary note for a model of another assembly whose descriptor this NetGen cannot read; else null.
    /// One note per type, not per use: the cause, and its fix, is the type's.
    /// </summary>
    private BoundaryNote? Unreadable(string typeName) =>
        _catalog.WhyUnreadable(typeName) is { } why ? new BoundaryNote("", $"{TypeLabel(typeName)} is unchecked, because {why}") : null;

    /// <summary>One layer's shape rule; a size beyond 64 bits is PyTorch's error too, reported rather than wrapped.</summary>
    private static ShapeResult Infer(LayerShapeSpec spec, TensorShape input) =>
        Guarded(spec.Name, () => ShapeInference.Infer(spec, input), input);

    /// <summary>Shape arithmetic (checked in this project) whose overflow becomes a failure of <paramref name="name"/>.</summary>
    private static ShapeResult Guarded(string name, Func<ShapeResult> rule, TensorShape? input = null)
    {
        try
        {
            return rule();
        }
        catch (OverflowException)
        {
            var what = input is null ? "a size" : $"a size of {input}";
            return ShapeResult.Fail(ShapeFailureKind.Overflow, name, $"{name}: {what} overflows 64-bit arithmetic", "a size below 2^63", "larger");
        }
    }

    /// <summary>Whether a fully known shape has more elements than a tensor can (2^63 − 1).</summary>
    private static bool Overflows(TensorShape shape) =>
        shape.IsFullyKnown && Counting.Product(shape.Dims.Select(d => d.Value)) < 0;

    private static ShapeFailure TooManyElements(string what, TensorShape shape) =>
        new(ShapeFailureKind.Overflow, what, $"{what} of shape {shape} has more elements than 64-bit arithmetic holds", "at most 2^63 − 1 elements", "more");

    /// <summary>Counts one step of work; false, and an error the first time, once the walk has done all it may.</summary>
    private bool Spend(string path, WalkScope scope, LocationInfo? location)
    {
        if (++_steps <= MaxSteps)
        {
            return true;
        }

        if (_steps == MaxSteps + 1)
        {
            var limit = MaxSteps.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            _failures.Add(new WalkFailure(new ShapeFailure(ShapeFailureKind.TooLarge, path,
                $"is where the model passes {limit} layers and blocks in all",
                $"NetGen checks and summarises at most {limit}, so split the model, or build long runs of identical blocks with [Repeat<T>], which is summarised", ""),
                scope.UseSite ?? location, "", null, null));
        }

        return false;
    }

    /// <summary>
    /// Records the value of an omitted in_channels / in_features / num_features, taken from the input; on the generated
    /// forward's path, an unknown one after an error is the error's doing (<see cref="UnknownAfterError"/>).
    /// </summary>
    private void Infer(LayerSpec layer, string member, int index, TensorShape input, bool onForwardPath)
    {
        var argument = layer.Kind.InferableInput()?.Argument;
        if (argument is null || !layer.Get(argument).IsAbsent)
        {
            return;
        }

        var dim = !input.IsRankKnown || input.Rank == 0 ? Dim.Unknown : argument == "InFeatures" ? input[input.Rank - 1] : input[0];
        var value = dim.TryGetValue(out var known) ? ArgValue.FromInt(known) : dim.IsSymbol ? SizeOf(dim.Symbol!) : ArgValue.Absent;
        _inferred.Add(new InferredArgument(member, index, argument, value));
        if (value.IsAbsent && onForwardPath)
        {
            NoteUnknownInput(member);
        }
    }

    /// <summary>
    /// A symbolic size as a constructor argument: a hyperparameter's name, or a formula of them (<c>(dim + 1) * 2</c>, from
    /// an expression argument before it), which must be written as an expression, not prefixed as one name.
    /// </summary>
    private static ArgValue SizeOf(string symbol) =>
        symbol.All(c => char.IsLetterOrDigit(c) || c == '_') ? ArgValue.FromParameter(symbol) : ArgValue.FromExpression(symbol, Expressions.ExprType.Long);

    private static LocationInfo? FailureLocation(LayerSpec layer, ShapeFailure failure) => failure.Kind switch
    {
        ShapeFailureKind.ChannelMismatch or ShapeFailureKind.FeatureMismatch => layer.LocationOf(layer.Kind.InferableInput()?.Argument ?? "InChannels"),
        ShapeFailureKind.GroupsDoNotDivide => layer.LocationOf(layer.Kind.Entry()?.GroupsArgument ?? "Groups"),
        _ => layer.Location,
    };

    /// <param name="own">Where the failing declaration is, in the file of the model that declares it.</param>
    private void Fail(ShapeFailure failure, LocationInfo? own, WalkScope scope, LocationInfo? inner) =>
        _failures.Add(new WalkFailure(failure, scope.UseSite ?? own, _chain.Format(ChainSteps), scope.BlockName, scope.UseSite is null ? null : inner));

    private void Chain(WalkScope scope, string label, TensorShape output)
    {
        if (scope.Top)
        {
            _chain = _chain.Then(label, output);
        }
    }

    /// <summary>Orders registration paths lexicographically; a module's own entries (a shorter path) come before its children's.</summary>
    private sealed class OrderComparer : IComparer<ImmutableArray<int>>
    {
        public static readonly OrderComparer Instance = new();

        public int Compare(ImmutableArray<int> x, ImmutableArray<int> y)
        {
            for (var i = 0; i < x.Length && i < y.Length; i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }

    /// <summary>A functional op is named by what it does, as it reads in the chain: <c>→flatten→</c>.</summary>
    private static string FunctionalName(LayerSpec op) => op.Kind.ToString().ToLowerInvariant();

    private static readonly char[] NameSeparators = { '.', ':' };

    /// <summary>
    /// The type as a summary row shows it: each name in it without its namespace, generic arguments included
    /// (<c>LSTM</c> for <c>global::TorchSharp.Modules.LSTM</c>, <c>ModuleList&lt;Module&lt;Tensor, Tensor&gt;&gt;</c>).
    /// </summary>
    private static string TypeLabel(string typeName)
    {
        var label = new StringBuilder(typeName.Length);
        var start = 0;
        for (var i = 0; i <= typeName.Length; i++)
        {
            if (i < typeName.Length && typeName[i] is not ('<' or '>' or ',' or ' ' or '(' or ')' or '[' or ']' or '?'))
            {
                continue;
            }

            var name = typeName.Substring(start, i - start);
            var cut = name.LastIndexOfAny(NameSeparators) + 1;
            label.Append(name, cut, name.Length - cut);
            if (i < typeName.Length)
            {
                label.Append(typeName[i]);
            }

            start = i + 1;
        }

        return label.ToString();
    }

    private static SummaryRow Row(string path, string type, int depth, TensorShape output, IEnumerable<SummaryRow> children)
    {
        var list = children.ToList();
        return new SummaryRow(path, type, depth, SummaryShapes.Of(output), Counting.Sum(list.Select(r => r.Parameters)), Counting.Sum(list.Select(r => r.MultAdds)));
    }
}
