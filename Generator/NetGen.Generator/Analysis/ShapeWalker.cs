using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>A shape failure found while walking, where to report it, and the chain that led to it.</summary>
internal sealed record WalkFailure(ShapeFailure Failure, LocationInfo? Location, string Chain, string? Block);

/// <summary>
/// Runs a model's forward structure through the shape library, in the order the generated forward
/// runs it: members, branch groups, blocks and repeated stages (recursively, with their
/// hyperparameters bound at the use site) and the residual add. It collects failures, the sizes it
/// inferred for omitted arguments, and summary rows.
/// </summary>
internal sealed class ShapeWalker
{
    private const int ChainSteps = 6;
    private readonly ModelCatalog _catalog;
    private readonly List<WalkFailure> _failures = new();
    private readonly List<InferredArgument> _inferred = new();
    private readonly List<SummaryRow> _rows = new();
    private readonly SortedSet<string> _unchecked = new();
    private readonly List<(ImmutableArray<int> Order, StateEntrySpec Entry)> _state = new();
    private ShapeChain _chain = ShapeChain.Start(TensorShape.UnknownRank);

    public ShapeWalker(ModelCatalog catalog) => _catalog = catalog;

    public IReadOnlyList<WalkFailure> Failures => _failures;

    public IReadOnlyList<InferredArgument> Inferred => _inferred;

    public IReadOnlyList<SummaryRow> Rows => _rows;

    public IReadOnlyCollection<string> Unchecked => _unchecked;

    /// <summary>The state entries met, in PyTorch's state_dict order (registration order, parameters before buffers).</summary>
    public IEnumerable<StateEntrySpec> StateEntries =>
        _state.OrderBy(e => e.Order, OrderComparer.Instance).Select(e => e.Entry);

    /// <summary>Walks <paramref name="model"/> as the top of the analysis: its own omitted sizes are inferred.</summary>
    public TensorShape WalkTop(ModelSpec model, ShapeEnvironment env, TensorShape input)
    {
        _chain = ShapeChain.Start(input);
        return WalkModel(model, env, input, new Scope("", 0, Top: true, UseSite: null, BlockName: null, ImmutableArray<int>.Empty, ImmutableArray<string>.Empty));
    }

    /// <summary>Where the walk is: the path prefix of rows, the depth, and whether failures belong to a block's use site.</summary>
    /// <param name="Order">Registration indices from the top, which order the state entries as PyTorch does.</param>
    /// <param name="Conditions">Flags of the analysed model that must be true for this part to exist.</param>
    private sealed record Scope(string Prefix, int Depth, bool Top, LocationInfo? UseSite, string? BlockName, ImmutableArray<int> Order, ImmutableArray<string> Conditions)
    {
        public string PathOf(string name) => Prefix.Length == 0 ? name : Prefix + "." + name;

        public Scope At(int index) => this with { Order = Order.Add(index) };
    }

    private TensorShape WalkModel(ModelSpec model, ShapeEnvironment env, TensorShape input, Scope scope)
    {
        var shortcut = model.Residual?.ShortcutMember;
        var main = model.Members.Where(m => m.Name != shortcut).ToList();
        var output = WalkPath(model, main, env, input, scope);

        if (model.Residual is { } residual && (residual.When is null || env.Flag(residual.When) != false))
        {
            if (residual.When is not null && env.Flag(residual.When) is null)
            {
                _unchecked.Add($"{model.Name}: the residual add depends on '{residual.When}'");
                return output;
            }

            var shortcutMember = model.Members.FirstOrDefault(m => m.Name == shortcut);
            var identity = input;
            if (shortcutMember is not null)
            {
                identity = WalkMember(shortcutMember, env, input, scope.At(model.Members.AsImmutableArray().IndexOf(shortcutMember)));
                if (shortcutMember.WhenParameter is not null && env.Flag(shortcutMember.WhenParameter) is null)
                {
                    _unchecked.Add($"{model.Name}: whether '{shortcutMember.Name}' exists depends on '{shortcutMember.WhenParameter}'");
                    return TensorShape.UnknownRank;
                }
            }

            var added = MergeShapes.Add(scope.PathOf("add"), output, identity);
            if (added.Failure is { } failure)
            {
                Fail(failure, shortcutMember?.Location ?? model.Location, scope);
                return TensorShape.UnknownRank;
            }

            output = added.Shape!;
        }

        return output;
    }

    private TensorShape WalkPath(ModelSpec model, IReadOnlyList<MemberSpec> members, ShapeEnvironment env, TensorShape input, Scope scope)
    {
        var current = input;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].BranchDim is { } dim)
            {
                var group = members.Skip(i).TakeWhile(m => m.BranchDim == dim).ToList();
                var outputs = group.Select(member => WalkMember(member, env, current, scope.At(model.Members.AsImmutableArray().IndexOf(member)))).ToList();
                var concatenated = MergeShapes.Concat(scope.PathOf(string.Join("+", group.Select(m => m.Name))), outputs, dim);
                if (concatenated.Failure is { } failure)
                {
                    Fail(failure, group[group.Count - 1].Location, scope);
                    current = TensorShape.UnknownRank;
                }
                else
                {
                    current = concatenated.Shape!;
                    Chain(scope, "cat", current);
                }

                i += group.Count - 1;
                continue;
            }

            current = WalkMember(members[i], env, current, scope.At(model.Members.AsImmutableArray().IndexOf(members[i])));
        }

        return current;
    }

    private TensorShape WalkMember(MemberSpec member, ShapeEnvironment env, TensorShape input, Scope scope)
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
                // Walked anyway, so its state entries are known under the condition; its output is not.
                _unchecked.Add($"whether '{member.Name}' exists depends on '{condition}'");
                var symbol = env.FlagSymbol(condition);
                var conditional = symbol is null ? scope : scope with { Conditions = scope.Conditions.Add(symbol) };
                WalkMember(member with { WhenParameter = null }, env, input, conditional);
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
            case MemberKind.Sequential:
                var x = input;
                var before = _rows.Count;
                for (var i = 0; i < member.Layers.Count; i++)
                {
                    x = WalkLayer(member.Layers[i], path + "." + i, env, x, scope.At(i) with { Depth = scope.Depth + 1 }, member.Name, i, true);
                }

                _rows.Insert(before, Row(path, "Sequential", scope.Depth, x, _rows.Skip(before).Where(r => r.Depth == scope.Depth + 1)));
                return x;
            case MemberKind.Block:
                var y = WalkBlock(member.TypeName, member.BlockArgs, path, env, input, scope, member.Location);
                foreach (var op in member.Layers)
                {
                    y = WalkLayer(op, FunctionalName(op), env, y, scope, null, -1, false);
                }

                return y;
            case MemberKind.Repeat:
                return WalkRepeat(member, path, env, input, scope);
            default:
                return TensorShape.UnknownRank;
        }
    }

    private TensorShape WalkRepeat(MemberSpec member, string path, ShapeEnvironment env, TensorShape input, Scope scope)
    {
        var repeat = member.Repeat!;
        var before = _rows.Count;
        var inner = scope with { Depth = scope.Depth + 1 };
        var x = WalkBlock(repeat.BlockType, repeat.First, path + ".0", env, input, inner.At(0), member.Location);
        var count = env.Size(repeat.Count);
        if (count.TryGetValue(out var n))
        {
            for (var i = 1; i < n; i++)
            {
                x = WalkBlock(repeat.BlockType, repeat.Rest, path + "." + i, env, x, inner.At((int)i), member.Location);
            }
        }
        else
        {
            // The later blocks all map the stage's output to itself, so one of them checks them all.
            x = WalkBlock(repeat.BlockType, repeat.Rest, path + ".1", env, x, inner.At(1), member.Location);
            _unchecked.Add($"{member.Name}: the number of blocks depends on '{repeat.Count}'");
        }

        _rows.Insert(before, Row(path, "Sequential", scope.Depth, x, _rows.Skip(before).Where(r => r.Depth == scope.Depth + 1)));
        return x;
    }

    private TensorShape WalkBlock(string typeName, EquatableArray<ArgValue> args, string path, ShapeEnvironment env, TensorShape input, Scope scope, LocationInfo? useSite)
    {
        var block = _catalog.Find(typeName);
        var typeLabel = typeName.Substring(typeName.LastIndexOf('.') + 1);
        if (block is null)
        {
            _unchecked.Add($"{path}: '{typeLabel}' is not a NetGen model, so its shapes are not known");
            return TensorShape.UnknownRank;
        }

        var before = _rows.Count;
        var blockScope = new Scope(path, scope.Depth + 1, Top: false, UseSite: scope.UseSite ?? useSite, BlockName: scope.BlockName ?? path, scope.Order, scope.Conditions);
        var output = WalkModel(block, ShapeEnvironment.ForUse(block, args, env), input, blockScope);
        _rows.Insert(before, Row(path, typeLabel, scope.Depth, output, _rows.Skip(before).Where(r => r.Depth == scope.Depth + 1)));
        Chain(scope, path, output);
        return output;
    }

    private TensorShape WalkLayer(LayerSpec layer, string name, ShapeEnvironment env, TensorShape input, Scope scope, string? member, int index, bool isModule)
    {
        if (layer.Kind == LayerKind.Block)
        {
            return WalkBlock(layer.BlockType!, layer.BlockArgs, name, env, input, scope, layer.Location);
        }

        var spec = ShapeSpecBuilder.Build(layer, name, env);
        if (spec is null)
        {
            return TensorShape.UnknownRank;
        }

        var result = ShapeInference.Infer(spec, input);
        if (result.Failure is { } failure)
        {
            Fail(failure, FailureLocation(layer, failure), scope);
            return TensorShape.UnknownRank;
        }

        foreach (var note in result.Unchecked)
        {
            _unchecked.Add(note);
        }

        var output = result.Shape!;
        if (scope.Top && member is not null)
        {
            Infer(layer, member, index, input);
        }

        if (isModule)
        {
            var entries = StateEntrySpecs.Of(layer, name, input, env, scope.Conditions).ToList();
            foreach (var entry in entries)
            {
                _state.Add((scope.Order, entry));
            }

            _rows.Add(new SummaryRow(name, layer.Kind.ToString(), scope.Depth, Dims(output), LayerCosts.Parameters(entries), LayerCosts.MultAdds(layer, input, output, env)));
        }

        if (spec is not ElementwiseSpec)
        {
            Chain(scope, ShapeLabels.Describe(spec), output);
        }

        return output;
    }

    /// <summary>Records the value of an omitted in_channels / in_features / num_features, taken from the input.</summary>
    private void Infer(LayerSpec layer, string member, int index, TensorShape input)
    {
        var argument = layer.Kind.InferableInput()?.Argument;
        if (argument is null || !layer.Get(argument).IsAbsent)
        {
            return;
        }

        var dim = !input.IsRankKnown || input.Rank == 0 ? Dim.Unknown : argument == "InFeatures" ? input[input.Rank - 1] : input[0];
        var value = dim.TryGetValue(out var known) ? ArgValue.FromInt(known) : dim.IsSymbol ? ArgValue.FromParameter(dim.Symbol!) : ArgValue.Absent;
        _inferred.Add(new InferredArgument(member, index, argument, value));
    }

    private static LocationInfo? FailureLocation(LayerSpec layer, ShapeFailure failure) => failure.Kind switch
    {
        ShapeFailureKind.ChannelMismatch or ShapeFailureKind.FeatureMismatch => layer.LocationOf(layer.Kind.InferableInput()?.Argument ?? "InChannels"),
        ShapeFailureKind.GroupsDoNotDivide => layer.LocationOf(layer.Kind == LayerKind.GroupNorm ? "NumGroups" : "Groups"),
        _ => layer.Location,
    };

    private void Fail(ShapeFailure failure, LocationInfo? location, Scope scope) =>
        _failures.Add(new WalkFailure(failure, scope.UseSite ?? location, _chain.Format(ChainSteps), scope.BlockName));

    private void Chain(Scope scope, string label, TensorShape output)
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

    private static SummaryRow Row(string path, string type, int depth, TensorShape output, IEnumerable<SummaryRow> children)
    {
        var list = children.ToList();
        var parameters = list.Any(r => r.Parameters < 0) ? -1 : list.Sum(r => r.Parameters);
        var multAdds = list.Any(r => r.MultAdds < 0) ? -1 : list.Sum(r => r.MultAdds);
        return new SummaryRow(path, type, depth, Dims(output), parameters, multAdds);
    }

    private static EquatableArray<long> Dims(TensorShape shape) =>
        shape.IsRankKnown ? shape.Dims.Select(d => d.TryGetValue(out var v) ? v : -1).ToEquatableArray() : EquatableArray<long>.Empty;
}
