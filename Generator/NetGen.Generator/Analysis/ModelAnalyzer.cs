using System.Collections.Generic;
using System.Globalization;
using System.Collections.Immutable;
using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// Shape analysis of one model against the catalog of all models: checks every layer with PyTorch's
/// formulas from the declared input (parameters as symbols), fills in omitted sizes, and builds the
/// summary at the default hyperparameters.
/// </summary>
internal static class ModelAnalyzer
{
    public static AnalyzedModel Analyze(ModelSpec model, ModelCatalog catalog)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var symbolic = ShapeEnvironment.Symbolic(model);
        var walker = new ShapeWalker(catalog);
        walker.WalkTop(model, symbolic, InputShape(model, symbolic));

        foreach (var failure in walker.Failures)
        {
            diagnostics.Add(ToDiagnostic(failure));
        }

        // The model as `new M()` builds it: hyperparameters with defaults take them. That model is a real
        // one, so what fails there fails at run time; it is reported where the symbolic walk could not
        // tell (a size that depends on a defaulted hyperparameter, or on a block's arguments from one).
        var filled = Fill(model, walker.Inferred, diagnostics);
        var defaults = DefaultsWalk(filled, catalog);
        var defaultFailures = defaults is null ? new List<WalkFailure>() : defaults.Value.Walker.Failures
            .Where(d => !walker.Failures.Any(f => f.Location == d.Location && f.Failure.Kind == d.Failure.Kind))
            .ToList();
        foreach (var failure in defaultFailures)
        {
            diagnostics.Add(ToDiagnostic(failure with { Failure = failure.Failure with { Message = failure.Failure.Message + AtDefaults(model) } }));
        }

        if (model.Input.IsEmpty)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeUnchecked, model.Location, model.Name,
                "it declares no input shape; add [Model(Input = [...])] to check channels and sizes"));
        }
        else if (walker.Unchecked.Count > 0 && walker.Failures.Count == 0 && defaultFailures.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeUnchecked, model.Location, model.Name,
                string.Join("; ", walker.Unchecked.Take(3)) + (walker.Unchecked.Count > 3 ? $"; and {walker.Unchecked.Count - 3} more" : "")));
        }

        return new AnalyzedModel(filled, Summarize(filled, defaults), diagnostics.Distinct().ToEquatableArray(), walker.StateEntries.ToEquatableArray());
    }

    private static TensorShape InputShape(ModelSpec model, ShapeEnvironment env) =>
        model.Input.IsEmpty ? TensorShape.UnknownRank : TensorShape.Of(model.Input.Select(env.Size));

    /// <summary>The walk at the declared input with default hyperparameters; null without an input.</summary>
    private static (ShapeWalker Walker, TensorShape Input)? DefaultsWalk(ModelSpec model, ModelCatalog catalog)
    {
        if (model.Input.IsEmpty)
        {
            return null;
        }

        var env = ShapeEnvironment.Defaults(model);
        var walker = new ShapeWalker(catalog);
        var input = InputShape(model, env);
        walker.WalkTop(model, env, input);
        return (walker, input);
    }

    /// <summary>" with the default hyperparameters (flat = 186624, numClasses = 101)".</summary>
    private static string AtDefaults(ModelSpec model)
    {
        var values = model.Parameters.Where(p => p.DefaultValue is not null).Select(p => $"{p.Name} = {p.DefaultValue}").ToList();
        return values.Count == 0 ? "" : " with the default hyperparameters (" + string.Join(", ", values) + ")";
    }

    /// <summary>The summary at the declared input with default hyperparameters; null without an input.</summary>
    private static SummarySpec? Summarize(ModelSpec model, (ShapeWalker Walker, TensorShape Input)? defaults)
    {
        if (defaults is not { } walk || model.Input.IsEmpty)
        {
            return null;
        }

        var top = walk.Walker.Rows.Where(r => r.Depth == 0).ToList();
        var parameters = top.Any(r => r.Parameters < 0) ? -1 : top.Sum(r => r.Parameters);
        var multAdds = top.Any(r => r.MultAdds < 0) ? -1 : top.Sum(r => r.MultAdds);
        var dims = walk.Input.Dims.Select(d => d.TryGetValue(out var v) ? v : -1).ToEquatableArray();
        return new SummarySpec(dims, walk.Walker.Rows.ToEquatableArray(), parameters, multAdds);
    }

    /// <summary>Puts inferred sizes into the layers that omitted them; reports those that could not be inferred.</summary>
    private static ModelSpec Fill(ModelSpec model, IReadOnlyList<InferredArgument> inferred, List<DiagnosticInfo> diagnostics)
    {
        var members = ImmutableArray.CreateBuilder<MemberSpec>();
        foreach (var member in model.Members)
        {
            var layers = ImmutableArray.CreateBuilder<LayerSpec>();
            for (var i = 0; i < member.Layers.Count; i++)
            {
                var layer = member.Layers[i];
                var required = layer.Kind.InferableInput()?.Argument;
                if (required is not null && layer.Get(required).IsAbsent && (member.Kind == MemberKind.Sequential || i == member.ModuleIndex))
                {
                    var value = inferred.FirstOrDefault(a => a.Member == member.Name && a.LayerIndex == i && a.Argument == required)?.Value ?? ArgValue.Absent;
                    if (value.IsAbsent)
                    {
                        var why = model.Input.IsEmpty
                            ? $"'{model.Name}' declares no input shape; add [Model(Input = [...])] or give the size"
                            : "the size it receives is not known at compile time; give the size";
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CannotInfer, layer.Location, layer.Kind.InferableInput()!.Value.PyTorchName, member.Name, why));
                    }
                    else
                    {
                        layer = layer with { Args = layer.Args.Append(new LayerArg(required, value, null)).ToEquatableArray() };
                    }
                }

                layers.Add(layer);
            }

            members.Add(member with { Layers = new EquatableArray<LayerSpec>(layers.ToImmutable()) });
        }

        return model with { Members = new EquatableArray<MemberSpec>(members.ToImmutable()) };
    }

    private static DiagnosticInfo ToDiagnostic(WalkFailure walk)
    {
        var failure = walk.Failure;
        if (walk.Block is { } block && failure.Kind != ShapeFailureKind.AddShapeMismatch)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.BlockInputMismatch, walk.Location, failure.Message, failure.Expected, failure.Actual, walk.Chain, block);
        }

        var descriptor = failure.Kind switch
        {
            ShapeFailureKind.ChannelMismatch => DiagnosticDescriptors.ChannelMismatch,
            ShapeFailureKind.FeatureMismatch => DiagnosticDescriptors.FeatureMismatch,
            ShapeFailureKind.SpatialCollapse => DiagnosticDescriptors.SpatialCollapse,
            ShapeFailureKind.GroupsDoNotDivide => DiagnosticDescriptors.GroupsDoNotDivide,
            ShapeFailureKind.AddShapeMismatch => DiagnosticDescriptors.ResidualShapeMismatch,
            ShapeFailureKind.ConcatShapeMismatch => DiagnosticDescriptors.ConcatShapeMismatch,
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

        return diagnostic;
    }
}
