using System.Collections.Generic;
using System.Globalization;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// Turns a failure found by the walk into diagnostics: one where the analysed model declares the offending
/// thing (its own layer, or its use of a block), and, for a failure inside a block whose source is in this
/// compilation, a warning on the block's own declaration naming the use that breaks it.
/// </summary>
internal static class FailureDiagnostics
{
    public static IEnumerable<DiagnosticInfo> For(ModelSpec model, WalkFailure walk, string suffix)
    {
        var failure = walk.Failure with { Message = walk.Failure.Message + suffix };
        if (failure.Kind == ShapeFailureKind.BlockCycle)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.BlockCycle, walk.Location, failure.Layer, failure.Message);
            yield break;
        }

        if (failure.Kind == ShapeFailureKind.TooLarge)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.ModelTooLarge, walk.Location, failure.Layer, failure.Message, failure.Expected);
            yield break;
        }

        if (walk.BatchSpecific)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.FitsOneBatchSize, walk.Location, failure.Message,
                ShapeWalker.ProbeBatch.ToString("N0", CultureInfo.InvariantCulture), walk.Chain);
            yield break;
        }

        if (walk.Block is { } block && failure.Kind != ShapeFailureKind.AddShapeMismatch)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.BlockInputMismatch, walk.Location, failure.Message, failure.Expected, failure.Actual, walk.Chain, block);
            if (walk.InnerLocation is { } inner && inner != walk.Location)
            {
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.BlockUseMismatch, inner, failure.Message, model.Name, block, walk.Chain);
            }

            yield break;
        }

        var descriptor = failure.Kind switch
        {
            ShapeFailureKind.ChannelMismatch => DiagnosticDescriptors.ChannelMismatch,
            ShapeFailureKind.FeatureMismatch => DiagnosticDescriptors.FeatureMismatch,
            ShapeFailureKind.SpatialCollapse => DiagnosticDescriptors.SpatialCollapse,
            ShapeFailureKind.GroupsDoNotDivide => DiagnosticDescriptors.GroupsDoNotDivide,
            ShapeFailureKind.AddShapeMismatch => DiagnosticDescriptors.ResidualShapeMismatch,
            ShapeFailureKind.ConcatShapeMismatch => DiagnosticDescriptors.ConcatShapeMismatch,
            ShapeFailureKind.ContractMismatch => DiagnosticDescriptors.ContractMismatch,
            _ => DiagnosticDescriptors.ShapeError,
        };
        var diagnostic = DiagnosticInfo.Create(descriptor, walk.Location, failure.Message, failure.Expected, failure.Actual, walk.Chain);
        if (failure.Kind is ShapeFailureKind.ChannelMismatch or ShapeFailureKind.FeatureMismatch
            && long.TryParse(failure.Expected, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            // What the data demands, so a code fix can set the argument to it.
            diagnostic = diagnostic.WithProperty(DiagnosticPropertyNames.Expected, failure.Expected);
        }
        else if (failure.Kind == ShapeFailureKind.AddShapeMismatch)
        {
            diagnostic = diagnostic.WithProperty(DiagnosticPropertyNames.ResidualPath, failure.Layer);
        }

        yield return diagnostic;
    }
}
