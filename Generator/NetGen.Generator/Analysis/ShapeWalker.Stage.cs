using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

internal sealed partial class ShapeWalker
{
    private readonly List<string> _builtAtRunTime = new();

    /// <summary>The opaque prefixes that are NetGen's own Sequentials, whose children are known only once built.</summary>
    public IReadOnlyList<string> BuiltAtRunTime => _builtAtRunTime;

    /// <summary>
    /// A Sequential built child by child: a stage table (<c>[ForEach]</c>) and children with a <c>When</c>. Where the
    /// rows and every condition are known (a static table at the default hyperparameters), it is unrolled as the
    /// constructor builds it, each child taking the next free index; otherwise nothing after it is known, which is
    /// noted as unchecked (never an error), and its state is read from the module at run time.
    /// </summary>
    private TensorShape WalkBuiltSequential(MemberSpec member, string path, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        var plan = BuildPlan(member, env, out var unknown);
        if (plan is null)
        {
            _unchecked.Add($"{path}: its children depend on {unknown}");
            if (scope.Top)
            {
                _opaquePrefixes.Add(path);
                _builtAtRunTime.Add(path);
            }

            _rows.Add(new SummaryRow(path, "Sequential", scope.Depth, null, -1, -1));
            Chain(scope, path, TensorShape.UnknownRank);
            return TensorShape.UnknownRank;
        }

        var x = input;
        var before = _rows.Count;
        for (var n = 0; n < plan.Count; n++)
        {
            var (layer, layerIndex, round) = plan[n];
            // Omitted sizes are inferred only outside a stage table, where one declaration is one child.
            x = WalkLayer(layer, path + "." + layer.KeyAt(n), round, x, scope.Inside(n), member.ForEach is null ? member.Name : null, layerIndex, true);
        }

        _rows.Insert(before, Row(path, "Sequential", scope.Depth, x, _rows.Skip(before).Where(r => r.Depth == scope.Depth + 1)));
        return x;
    }

    /// <summary>
    /// A repeated stage whose blocks' arguments read their position (<c>Each</c> with <c>Index</c>, DenseNet's
    /// <c>numInputFeatures + i * growthRate</c>): every block is walked with its own index where the count is known;
    /// otherwise block 0 is, and what follows is unchecked.
    /// </summary>
    private TensorShape WalkIndexedRepeat(MemberSpec member, string path, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        var repeat = member.Repeat!;
        var before = _rows.Count;
        var known = env.Size(repeat.Count).TryGetValue(out var count);
        var x = input;
        // Past the walk's step limit (reported once, NG0020) nothing more is walked, however long the stage.
        for (var i = 0; i < (known ? count : 1) && _steps <= MaxSteps; i++)
        {
            var failures = _failures.Count;
            x = WalkBlock(repeat.BlockType, repeat.First, path + "." + repeat.BlockName(i), env.With(repeat.Index!, Dim.Of(i)), x, scope.Inside(i), member.Location);
            if (_failures.Count > failures && i < count - 1)
            {
                // One error per stage: later blocks receive what the failing one leaves, so they would repeat it.
                _unchecked.Add($"{member.Name}: blocks {i + 1} to {count - 1} are not checked after the error in block {i}");
                break;
            }
        }

        if (!known)
        {
            _unchecked.Add($"{member.Name}: the number of blocks depends on '{repeat.Count}'");
            x = TensorShape.UnknownRank;
        }

        _rows.Insert(before, Row(path, "Sequential", scope.Depth, x, _rows.Skip(before).Where(r => r.Depth == scope.Depth + 1)));
        return x;
    }

    /// <summary>
    /// A dense stage (<c>[DenseBlock&lt;T&gt;]</c>): layer <c>i</c> receives the concatenation, along the channels, of the
    /// input and the outputs of layers 0 … i-1, and the stage gives the concatenation of all of them. Where the number of
    /// layers is not known, layer 0 is checked and nothing after the stage is known.
    /// </summary>
    private TensorShape WalkDense(LayerSpec layer, string name, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        var dense = layer.Dense!;
        if (!dense.Concatenates)
        {
            return WalkStage(layer, name, env, input, scope);
        }

        var before = _rows.Count;
        var known = env.Size(dense.Count).TryGetValue(out var count);
        var features = new List<TensorShape> { input };
        var output = TensorShape.UnknownRank;
        for (var i = 0; i < (known ? count : 1) && _steps <= MaxSteps; i++)
        {
            var failures = _failures.Count;
            var joined = Concatenate(name, features, layer, scope);
            var layerEnv = dense.Index is { } index ? env.With(index, Dim.Of(i)) : env;
            // Where the count is not known, layer 0 may not exist: its keys get no typed constants.
            var layerScope = known ? scope.Inside(i) : scope.Inside(i) with { Certain = false };
            features.Add(WalkBlock(layer.BlockType!, layer.BlockArgs, name + "." + dense.LayerName(i), layerEnv, joined ?? TensorShape.UnknownRank, layerScope, layer.Location));
            if (_failures.Count > failures && i < count - 1)
            {
                _unchecked.Add($"{name}: layers {i + 1} to {count - 1} are not checked after the error in layer {i}");
                features.Clear();
                break;
            }
        }

        if (known && features.Count > 0)
        {
            output = Concatenate(name, features, layer, scope) ?? TensorShape.UnknownRank;
        }
        else if (!known)
        {
            _unchecked.Add($"{name}: the number of layers depends on '{dense.Count}'");
        }

        _rows.Insert(before, Row(name, "DenseStage", scope.Depth, output, _rows.Skip(before).Where(r => r.Depth == scope.Depth + 1)));
        Chain(scope, name, output);
        return output;
    }

    /// <summary>
    /// A stage (<c>[Stage&lt;T&gt;]</c>): blocks <c>0</c> … <c>count-1</c>, each receiving the previous one's output, every
    /// one walked with its own index where the count is known; otherwise block 0 is (it may not exist, so its keys get no
    /// typed constants), and nothing after the stage is known.
    /// </summary>
    private TensorShape WalkStage(LayerSpec layer, string name, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        var stage = layer.Dense!;
        var before = _rows.Count;
        var known = env.Size(stage.Count).TryGetValue(out var count);
        var x = input;
        for (var i = 0; i < (known ? count : 1) && _steps <= MaxSteps; i++)
        {
            var failures = _failures.Count;
            var blockEnv = stage.Index is { } index ? env.With(index, Dim.Of(i)) : env;
            var blockScope = known ? scope.Inside(i) : scope.Inside(i) with { Certain = false };
            x = WalkBlock(layer.BlockType!, layer.BlockArgs, name + "." + stage.LayerName(i), blockEnv, x, blockScope, layer.Location);
            if (_failures.Count > failures && i < count - 1)
            {
                // One error per stage: later blocks receive what the failing one leaves, so they would repeat it.
                _unchecked.Add($"{name}: blocks {i + 1} to {count - 1} are not checked after the error in block {i}");
                x = TensorShape.UnknownRank;
                break;
            }
        }

        if (!known)
        {
            _unchecked.Add($"{name}: the number of blocks depends on '{stage.Count}'");
            x = TensorShape.UnknownRank;
        }

        _rows.Insert(before, Row(name, "Sequential", scope.Depth, x, _rows.Skip(before).Where(r => r.Depth == scope.Depth + 1)));
        Chain(scope, name, x);
        return x;
    }

    /// <summary>The channel-wise concatenation a dense stage feeds its next layer; null (reported) when the shapes do not join.</summary>
    private TensorShape? Concatenate(string name, IReadOnlyList<TensorShape> features, LayerSpec layer, WalkScope scope)
    {
        if (features.Count == 1)
        {
            return features[0];
        }

        var joined = Guarded(name, () => MergeShapes.Concat(name, features, 1));
        if (joined.Failure is { } failure)
        {
            Fail(failure, layer.Location, scope, layer.Location);
            return null;
        }

        return joined.Shape;
    }

    /// <summary>The children in the order the constructor adds them, each with the environment it is built in; null when that is not known here.</summary>
    private static List<(LayerSpec Layer, int LayerIndex, ShapeEnvironment Round)>? BuildPlan(MemberSpec member, ShapeEnvironment env, out string unknown)
    {
        unknown = "";
        var rounds = new List<ShapeEnvironment>();
        if (member.ForEach is not { } table)
        {
            rounds.Add(env);
        }
        else
        {
            if (Row(table, env) is not { } row)
            {
                unknown = table.RowsKnown ? $"which row of the table '{table.Source}' picks" : $"the table '{table.Source}', which is not known at compile time";
                return null;
            }

            var carry = table.Carry is null ? Dim.Unknown : env.Size(table.Start);
            for (var i = 0; i < row.Values.Count; i++)
            {
                var round = env.With(table.Item, Dim.Of(row.Values[i]));
                if (table.Index is { } index)
                {
                    round = round.With(index, Dim.Of(i));
                }

                if (table.Carry is { } name)
                {
                    round = round.With(name, carry);
                    carry = AsDim(round.Evaluate(table.Next!));
                }

                rounds.Add(round);
            }
        }

        var plan = new List<(LayerSpec, int, ShapeEnvironment)>();
        foreach (var round in rounds)
        {
            for (var i = 0; i < member.Layers.Count; i++)
            {
                var layer = member.Layers[i];
                var present = layer.When is null ? true : round.Flag(layer.When);
                if (present is null)
                {
                    unknown = $"the condition '{layer.When}'";
                    return null;
                }

                if (present == true)
                {
                    plan.Add((layer, i, round));
                }
            }
        }

        return plan;
    }

    /// <summary>The row the table gives here, or null when it is not known.</summary>
    private static TableRow? Row(StageTableSpec table, ShapeEnvironment env)
    {
        if (!table.RowsKnown)
        {
            return null;
        }

        if (table.Selector is null)
        {
            return table.Rows.Count == 1 ? table.Rows[0] : null;
        }

        var selected = env.Evaluate(table.Selector);
        return selected.Kind == ExprValueKind.Integer && selected.Integer >= 0 && selected.Integer < table.Rows.Count
            ? table.Rows[(int)selected.Integer]
            : null;
    }

    private static Dim AsDim(ExprValue value) => value.Kind switch
    {
        ExprValueKind.Integer => Dim.Of(value.Integer),
        ExprValueKind.Symbol => Dim.Named(value.Text!),
        _ => Dim.Unknown,
    };
}
