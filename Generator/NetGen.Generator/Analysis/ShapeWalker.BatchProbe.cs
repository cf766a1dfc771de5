using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

internal sealed partial class ShapeWalker
{
    /// <summary>
    /// The batch size of the second pass over a hand-written forward. A prime that no layer size is likely to be,
    /// so an equation between the batch and the model's own sizes (<c>N = 16</c>, <c>576·N = 9216</c>) does not
    /// hold there by chance; small enough that every size it multiplies stays far from overflow.
    /// </summary>
    public const long ProbeBatch = 9_973;

    /// <summary>
    /// Follows a hand-written forward a second time with a concrete batch of <see cref="ProbeBatch"/>. The first
    /// pass keeps the batch as the symbol N, and a check such as <c>x.view(16, 2, 8, 6, 6)</c> of an N×16×6×6
    /// tensor holds for N = 16 only: not false for every N, so not an error there. [Model] leaves the batch
    /// free, so what fails at this batch is a forward that works for particular batch sizes only. It is
    /// reported as a warning (NG0113), never an error: the model may be meant for one batch size.
    /// The pass changes nothing else the walk has found: its rows, state and notes are taken back.
    /// </summary>
    private void FollowAtProbeBatch(ModelSpec model, ForwardSpec forward, ShapeEnvironment env, TensorShape input, WalkScope scope, List<MemberSeed> seeds)
    {
        var uncheckedBefore = new SortedSet<string>(_unchecked, System.StringComparer.Ordinal);
        var boundaryBefore = new SortedSet<BoundaryNote>(_boundary, BoundaryNote.ByText);
        var mark = Save();

        // Fresh seeds, so what the members receive here does not change the rows the first pass gives them.
        var probeSeeds = seeds.Select(s => new MemberSeed { RowStart = s.RowStart, RowCount = s.RowCount, Failures = s.Failures }).ToList();
        var received = TensorDims.Inserted(input, 0, Dim.Of(ProbeBatch));
        new ForwardInterpreter(new ForwardHost(this, model, env, scope, probeSeeds)).Run(forward, new TensorValue(received, ShapeChain.Start(received)));
        var found = _failures.Skip(mark.Failures)
            .Where(f => f.Failure.Kind is not (ShapeFailureKind.Overflow or ShapeFailureKind.TooLarge or ShapeFailureKind.BlockCycle))
            .ToList();

        Restore(mark);
        _unchecked.Clear();
        _unchecked.UnionWith(uncheckedBefore);
        _boundary.Clear();
        _boundary.UnionWith(boundaryBefore);

        // The first such failure: the ones after it usually follow from it.
        if (found.FirstOrDefault() is { } first)
        {
            _failures.Add(first with { BatchSpecific = true });
        }
    }
}
