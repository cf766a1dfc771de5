using System.Globalization;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

internal sealed partial class ShapeWalker
{
    /// <summary>
    /// A repeated stage. Block 0 takes the stage's input and block 1 checks the rest, which are built alike.
    /// A depth that is a hyperparameter leaves blocks 1… existing only for some values (no typed keys). A long
    /// stage whose later blocks keep their input's shape is summarised in one row instead of walked block by
    /// block, so the work does not grow with the depth.
    /// </summary>
    private TensorShape WalkRepeat(MemberSpec member, string path, ShapeEnvironment env, TensorShape input, WalkScope scope)
    {
        var repeat = member.Repeat!;
        if (repeat.Index is not null)
        {
            return WalkIndexedRepeat(member, path, env, input, scope);
        }

        var before = _rows.Count;
        var failures = _failures.Count;
        var x = WalkBlock(repeat.BlockType, repeat.First, path + "." + repeat.BlockName(0), env, input, scope.Inside(0), member.Location);
        var count = env.Size(repeat.Count);
        if (_failures.Skip(failures).Any(f => f.Failure.Kind is ShapeFailureKind.BlockCycle or ShapeFailureKind.TooLarge))
        {
            // Every later block is the same type, so it would fail the same way.
        }
        else if (!count.TryGetValue(out var n))
        {
            x = WalkBlock(repeat.BlockType, repeat.Rest, path + "." + repeat.BlockName(1), env, x, scope.Inside(1) with { Certain = false }, member.Location);
            _unchecked.Add($"{member.Name}: the number of blocks depends on '{repeat.Count}'");
        }
        else
        {
            for (var i = 1; i < n; i++)
            {
                var blockInput = x;
                var rowsBefore = _rows.Count;
                var failuresBefore = _failures.Count;
                x = WalkBlock(repeat.BlockType, repeat.Rest, path + "." + repeat.BlockName(i), env, x, scope.Inside(i), member.Location);
                if (_failures.Count > failuresBefore && i < n - 1)
                {
                    // One error per stage: later blocks receive what the failing one leaves, so they would repeat it.
                    _unchecked.Add($"{member.Name}: blocks {i + 1} to {n - 1} are not checked after the error in block {i}");
                    break;
                }

                if (n > RepeatLimits.UnrolledBlocks && i == 1 && x == blockInput && _failures.Count == failures)
                {
                    // Every later block is built from the same arguments and receives what this one returns.
                    var block = _rows[rowsBefore];
                    var remaining = n - 2;
                    _rows.Add(new SummaryRow($"{path}.{repeat.BlockName(2)}…{n - 1}", string.Format(CultureInfo.InvariantCulture, "{0:N0} × {1}", remaining, block.Type), scope.Depth + 1, block.OutputShape,
                        Counting.Times(block.Parameters, remaining), Counting.Times(block.MultAdds, remaining)));
                    _unchecked.Add($"{member.Name}: blocks 2 to {n - 1} are built like block 1 and summarised in one row");
                    break;
                }
            }
        }

        _rows.Insert(before, Row(path, "Sequential", scope.Depth, x, _rows.Skip(before).Where(r => r.Depth == scope.Depth + 1)));
        return x;
    }
}
